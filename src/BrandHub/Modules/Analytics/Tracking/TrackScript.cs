namespace BrandHub.Modules.Analytics.Tracking;

/// <summary>
/// The browser snippet served at <c>/t.js</c>: first-party only — the anonymous id lives in the site's own localStorage
/// and a cookie on the site's own domain, never a third-party cookie. It sends a page view on load (the URL carries the
/// UTM parameters and click ids, the server reads them), and exposes <c>brandhub.track(type, fields)</c> and
/// <c>brandhub.identify(email or {contactId|email|externalId})</c>. Events go by navigator.sendBeacon as text/plain, so
/// no CORS preflight and nothing lost when the page unloads.
/// </summary>
public static class TrackScript
{
    public const string Source = """
        (function (w, d) {
          var script = d.currentScript, key = script && script.getAttribute('data-key');
          var api = (script && script.src ? new URL(script.src).origin : '') + '/api/v1/track';
          function uid() { return (w.crypto && w.crypto.randomUUID) ? w.crypto.randomUUID() : Date.now().toString(36) + Math.random().toString(36).slice(2); }
          function anonymousId() {
            var id = null;
            try { id = w.localStorage.getItem('bh_aid'); } catch (e) {}
            if (!id) { var m = d.cookie.match(/(?:^|; )bh_aid=([^;]+)/); id = m ? decodeURIComponent(m[1]) : uid(); }
            try { w.localStorage.setItem('bh_aid', id); } catch (e) {}
            d.cookie = 'bh_aid=' + encodeURIComponent(id) + '; path=/; max-age=31536000; SameSite=Lax' + (location.protocol === 'https:' ? '; Secure' : '');
            return id;
          }
          function send(events) {
            var body = JSON.stringify({ writeKey: key, sentAt: new Date().toISOString(), events: events });
            if (w.navigator.sendBeacon && w.navigator.sendBeacon(api, body)) return;
            w.fetch(api, { method: 'POST', body: body, keepalive: true, headers: { 'Content-Type': 'text/plain' } });
          }
          function event(type, fields) {
            var e = { eventId: uid(), type: type, timestamp: new Date().toISOString(), anonymousId: anonymousId(), url: location.href, referrer: d.referrer || null };
            for (var k in (fields || {})) e[k] = fields[k];
            return e;
          }
          var api_ = {
            track: function (type, fields) { send([event(type, fields)]); },
            page: function (fields) { send([event('page_view', fields)]); },
            identify: function (who, fields) {
              var f = fields || {};
              if (typeof who === 'string') f.email = who; else for (var k in (who || {})) f[k] = who[k];
              send([event('identify', f)]);
            }
          };
          var queued = (w.brandhub && w.brandhub.q) || [];
          w.brandhub = api_;
          api_.page();
          for (var i = 0; i < queued.length; i++) api_[queued[i][0]].apply(null, queued[i].slice(1));
        })(window, document);
        """;
}
