// The reader-visible flows in WebKitGTK (MiniBrowser), through WebKitWebDriver
// (see README.md). Needs a display: run under xvfb-run -a.
import { engineSuite } from './lib/suite.mjs';

engineSuite('webkit');
