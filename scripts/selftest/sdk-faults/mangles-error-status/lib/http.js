// Fault injection for the sdk project's self-test: an SDK build that reports 4xx answers as 500s.
const real = require('@moovio/sdk/lib/http.js');

class HTTPClient extends real.HTTPClient {
  async request(request) {
    const response = await super.request(request);
    if (response.status < 400 || response.status >= 500) return response;
    return new Response(await response.text(), { status: 500, headers: response.headers });
  }
}

module.exports = { ...real, HTTPClient };
