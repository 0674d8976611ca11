// monsite serve only (never published): reloads the page when the preview has
// been rebuilt. The server knows which build the page came from
// (data-generation) and says "reload" at once if a newer one exists.
(function () {
  'use strict';
  var me = document.currentScript;
  var generation = me ? me.getAttribute('data-generation') : '0';
  if (!window.EventSource) return;
  var events = new EventSource('/__monsite/events?since=' + encodeURIComponent(generation || '0'));
  events.addEventListener('reload', function () {
    events.close();
    window.location.reload();
  });
})();
