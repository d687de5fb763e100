// The reader-visible flows in Firefox ESR, through geckodriver (see README.md).
import { engineSuite } from './lib/suite.mjs';

engineSuite('firefox');
