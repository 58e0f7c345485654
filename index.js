// The package is loaded by n8n through the `n8n` attribute of package.json
// (dist/nodes/..., dist/credentials/...); nothing is exported from here.
module.exports = {};
