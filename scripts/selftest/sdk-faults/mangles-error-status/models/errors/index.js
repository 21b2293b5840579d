module.exports = require('@moovio/sdk/models/errors/index.js');
