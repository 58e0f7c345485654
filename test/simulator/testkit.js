'use strict';
// Helpers the simulator's own test files share (not a test file itself).

/**
 * POST a GraphQL document the way a well-behaved client would. space: the
 * SPACE_GUID header (default sim.demo.spaceGuid; null = none). Returns
 * { status, json, data, errors, codes } where codes are the errors' Boomi codes.
 */
async function gql(sim, query, variables, { jwt = sim.mintJwt(), space = sim.demo.spaceGuid } = {}) {
	const headers = { 'content-type': 'application/json', accept: 'application/json', authorization: `Bearer ${jwt}` };
	if (space !== null) headers.SPACE_GUID = space;
	const res = await fetch(sim.graphqlUrl, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
	const json = await res.json();
	const errors = json.errors ?? [];
	return {
		status: res.status,
		json,
		data: json.data,
		errors,
		codes: errors.map((e) => (e.extensions && e.extensions.code) || String(e.message).split(':')[0]),
	};
}

/** The data of a request that must succeed without errors. */
async function ok(sim, query, variables, options) {
	const r = await gql(sim, query, variables, options);
	if (r.status !== 200 || r.errors.length) throw new Error(`expected success, got ${r.status}: ${JSON.stringify(r.json)}`);
	return r.data;
}

module.exports = { gql, ok };
