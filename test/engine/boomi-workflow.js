// Builders shared by the engine tests and the demo: a workflow holding the
// Boomi Spaces node, and credential data pointing at a simulator.
const NODE_TYPE = 'n8n-nodes-boomi-spaces.boomiSpaces';
const CREDENTIAL_ID = 'boomi-cred-1';
/** A node's reference to the credential `useCredential` registers. */
const CREDENTIALS = { boomiSpacesApi: { id: CREDENTIAL_ID, name: 'Boomi Spaces account' } };

/** Credential data for the simulator (region Custom), API-token mode unless overridden. */
function simulatorCredential(sim, overrides = {}) {
	return {
		authentication: 'apiToken',
		accountId: sim.demo.accountId,
		username: sim.demo.username,
		apiToken: sim.demo.apiToken,
		spaceGuid: sim.demo.spaceGuid,
		region: 'custom',
		graphqlUrl: sim.graphqlUrl,
		authUrl: sim.authUrl,
		...overrides,
	};
}

/** A one-node workflow: Boomi Spaces Unattach reading the id from each item (or a fixed value). */
function unattachWorkflow({ id = '={{ $json.id }}', onError, name = 'Boomi Spaces' } = {}) {
	const node = boomiNode({ name, operation: 'unattach', parameters: { integrationPackInstanceId: locator(id) }, onError });
	return { nodes: [node], connections: {} };
}

/** A Boomi Spaces node for any operation (parameters as the editor stores them). */
function boomiNode({ name = 'Boomi Spaces', resource = 'integrationPackInstance', operation, parameters = {}, onError, position = [0, 0] }) {
	const node = {
		id: `boomi-spaces-${name.replace(/\W+/g, '-').toLowerCase()}`,
		name,
		type: NODE_TYPE,
		typeVersion: 1,
		position,
		parameters: { resource, operation, ...parameters },
		credentials: CREDENTIALS,
	};
	if (onError) node.onError = onError;
	return node;
}

/** A resource locator value as the editor stores it. */
const locator = (value, mode = 'id') => ({ __rl: true, mode, value });

/** Registers the credential in the harness store under the id the workflow uses. */
function useCredential(engine, data) {
	engine.credentials.set(CREDENTIAL_ID, { name: 'Boomi Spaces account', type: 'boomiSpacesApi', data });
}

module.exports = { NODE_TYPE, CREDENTIAL_ID, CREDENTIALS, simulatorCredential, unattachWorkflow, boomiNode, locator, useCredential };
