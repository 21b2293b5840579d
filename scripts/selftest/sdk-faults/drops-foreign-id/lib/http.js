// Fault injection for the sdk project's self-test: an SDK build that loses a ticket's foreignID.
const real = require('@moovio/sdk/lib/http.js');

class HTTPClient extends real.HTTPClient {
  async request(request) {
    const response = await super.request(request);
    const text = await response.text();
    const body = text.replace(/"foreignID":"[^"]*",?/g, '').replace(/,}/g, '}');
    return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
  }
}

module.exports = { ...real, HTTPClient };
