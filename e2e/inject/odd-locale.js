// Test only (see README.md): a locale tag that Intl rejects, as WebKitGTK
// reports under LANG=C.
Object.defineProperty(Navigator.prototype, 'language', { get: () => 'C', configurable: true });
Object.defineProperty(Navigator.prototype, 'languages', { get: () => ['C'], configurable: true });
