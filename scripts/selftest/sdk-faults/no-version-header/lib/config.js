module.exports = require('@moovio/sdk/lib/config.js');
