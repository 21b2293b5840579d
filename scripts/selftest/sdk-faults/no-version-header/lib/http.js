// Fault injection for the sdk project's self-test: an SDK build that forgets X-Moov-Version.
const real = require('@moovio/sdk/lib/http.js');

class HTTPClient extends real.HTTPClient {
  async request(request) {
    const stripped = new Request(request);
    stripped.headers.delete('X-Moov-Version');
    return super.request(stripped);
  }
}

module.exports = { ...real, HTTPClient };
