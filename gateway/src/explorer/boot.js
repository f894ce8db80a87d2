/* Starts GraphiQL from the globals the bundled UMD scripts define; settings come from the page. */
(function () {
  var config = JSON.parse(document.getElementById('explorer-config').textContent);
  var fetcher = GraphiQL.createFetcher({ url: config.endpoint });
  var props = {
    fetcher: fetcher,
    defaultQuery: config.defaultQuery,
    defaultEditorToolsVisibility: config.headers ? 'headers' : false,
    shouldPersistHeaders: false,
    inputValueDeprecation: true,
  };
  if (config.headers) {
    props.headers = config.headers;
    props.defaultHeaders = config.headers;
  }
  ReactDOM.createRoot(document.getElementById('explorer')).render(React.createElement(GraphiQL, props));
})();
