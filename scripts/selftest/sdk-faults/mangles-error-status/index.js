// Fault injection for the sdk project's self-test: the real SDK, re-exported.
module.exports = require('@moovio/sdk');
