//
// The portal's CloudFront Function (runtime cloudfront-js-2.0), on viewer
// request, for every cache behaviour. S3 knows files only, so this gives
// CloudFront what the other hosts do themselves: a folder's index.html, the
// redirect of a folder without its slash, the static API's file names and
// hidden host files. The distribution's custom error responses turn S3's
// 403 and 404 into /404.html with status 404 (see docs/deploying.md).
var SITE_CACHE_CONTROL = __SITE_CACHE_CONTROL__

function handler (event) {
  var request = event.request
  var uri = request.uri
  var last = uri.slice(uri.lastIndexOf('/') + 1)
  if (/^\/_(headers|redirects)$/.test(uri) || /\/\.(?!well-known\/)/.test(uri)) {
    // No such object: S3 answers 403 or 404, which becomes the 404 page.
    request.uri = '/.hidden/404'
    return request
  }
  if (uri.indexOf('/api/') === 0) {
    if (uri === '/api/') request.uri = '/api/index.json'
    else if (last !== '' && last.indexOf('.') < 0) request.uri = uri + '.json'
    return request
  }
  if (uri.slice(-1) === '/') {
    request.uri = uri + 'index.html'
    return request
  }
  if (last.indexOf('.') < 0) {
    // The query is dropped, as on every host: no page takes one.
    return {
      statusCode: 301,
      statusDescription: 'Moved Permanently',
      headers: { location: { value: uri + '/' }, 'cache-control': { value: SITE_CACHE_CONTROL } }
    }
  }
  return request
}
