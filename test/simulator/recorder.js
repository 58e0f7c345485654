'use strict';
// A second listener for the hostile-network tests: another origin that a
// redirect may point at. It records every request it receives (headers
// included) and answers what it is told, so a test can prove that no bearer,
// Space GUID or Basic value ever reached it.

const http = require('http');

/**
 * @param {{ status?: number, body?: string | object, headers?: object }} [answer]
 *   what every request gets (default: a GraphQL-looking success, to catch a
 *   client that would take a foreign answer for Boomi's)
 */
async function startRecorder(answer = {}) {
	const requests = [];
	const status = answer.status ?? 200;
	const body = answer.body ?? { data: { integrationPackInstanceEnvironmentAttachmentUnattach: 'from-another-origin' } };
	const text = typeof body === 'string' ? body : JSON.stringify(body);
	const server = http.createServer((req, res) => {
		const chunks = [];
		req.on('data', (chunk) => chunks.push(chunk));
		req.on('end', () => {
			requests.push({ method: req.method, path: req.url, headers: { ...req.headers }, body: Buffer.concat(chunks).toString('utf8') });
			res.writeHead(status, { 'content-type': typeof body === 'string' ? 'text/plain' : 'application/json', ...answer.headers });
			res.end(text);
		});
	});
	await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address();
	return {
		url: `http://127.0.0.1:${port}`,
		requests,
		close: () =>
			new Promise((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			}),
	};
}

module.exports = { startRecorder };
