// The API documentation page: Swagger UI (served by the app from the swagger-ui-bundle-v2
// package, no CDN) over the app's own OpenAPI document, next to this page. No validator
// badge: it would send the document to validator.swagger.io.
window.addEventListener("load", () => {
  window.ui = SwaggerUIBundle({
    url: new URL("openapi.json", window.location.href).href,
    dom_id: "#swagger-ui",
    validatorUrl: null,
    deepLinking: true,
    presets: [SwaggerUIBundle.presets.apis],
  });
});
