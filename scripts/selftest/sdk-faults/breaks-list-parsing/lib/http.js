// Fault injection for the sdk project's self-test: an SDK build that cannot read ticket lists.
const real = require('@moovio/sdk/lib/http.js');

class HTTPClient extends real.HTTPClient {
  async request(request) {
    const response = await super.request(request);
    if (request.method !== 'GET' || !/\/tickets(\?|$)/.test(new URL(request.url).pathname + new URL(request.url).search.slice(0, 1))) return response;
    const text = (await response.text()).replace('"items":[', '"items":{"broken":[').replace(/\](,"nextPage"|}$)/, ']}$1');
    return new Response(text, { status: response.status, headers: response.headers });
  }
}

module.exports = { ...real, HTTPClient };
