/** The request header that carries the preview's per-start token (server.ts). */
export const TOKEN_HEADER = 'x-tierwise-token';

/**
 * The script the preview injects before the sidebar's own: a `google.script.run` that
 * behaves like HtmlService's (asynchronous, one JSON-safe argument, success and failure
 * handlers, an Error with the server's message) but POSTs to the preview server, with the
 * token of this start in a header (a custom header is also what a cross-origin page
 * cannot send without a CORS preflight, which the server never grants).
 */
function bridgeScript(token: string): string {
  return `(function () {
  var token = ${JSON.stringify(token)};
  function runner(onSuccess, onFailure) {
    return new Proxy({}, {
      get: function (_, name) {
        if (name === 'withSuccessHandler') return function (f) { return runner(f, onFailure); };
        if (name === 'withFailureHandler') return function (f) { return runner(onSuccess, f); };
        if (name === 'withUserObject') return function () { return runner(onSuccess, onFailure); };
        return function () {
          var args = Array.prototype.slice.call(arguments);
          fetch('/call/' + encodeURIComponent(String(name)), {
            method: 'POST',
            headers: { 'content-type': 'application/json', '${TOKEN_HEADER}': token },
            body: JSON.stringify(args)
          }).then(function (response) { return response.json(); }).then(function (answer) {
            if (answer.ok) { if (onSuccess) onSuccess(answer.value); return; }
            var error = new Error(answer.error.message);
            error.name = answer.error.name;
            if (onFailure) onFailure(error);
          }, function (error) { if (onFailure) onFailure(error); });
        };
      }
    });
  }
  window.google = { script: { run: runner(null, null), host: { close: function () {} } } };
})();`;
}

/** The sidebar page with the bridge, holding `token`, in its head. */
export function withBridge(sidebarHtml: string, token: string): string {
  const at = sidebarHtml.indexOf('<head>');
  if (at < 0) throw new Error('Sidebar.html has no <head>');
  const end = at + '<head>'.length;
  return `${sidebarHtml.slice(0, end)}\n<script>${bridgeScript(token)}</script>${sidebarHtml.slice(end)}`;
}
