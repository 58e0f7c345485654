'use strict';
/**
 * "Test credential" as n8n's editor runs it (packages/cli/src/services/
 * credentials-tester.service.ts, testCredentials): property defaults applied,
 * a temporary node whose only parameter routes the credential type's `test`
 * request, n8n-core's RoutingNode to send it through the credentials helper
 * (preAuthentication + authenticate), then the type's rules on the answer.
 */
const core = require('n8n-core');
const { NodeHelpers, Workflow } = require('n8n-workflow');
const { createAdditionalData } = require('./engine');

const get = (object, path) => path.split('.').reduce((value, key) => (value == null ? undefined : value[key]), object);

/**
 * @param {ReturnType<typeof import('./engine').createEngine> extends Promise<infer E> ? E : never} engine
 * @param {{ type: string, data: object, id?: string, name?: string }} credential
 * @returns {Promise<{ status: 'OK' | 'Error', message: string }>}
 */
async function testCredential(engine, { type, data, id = 'credential-under-test', name = 'Credential under test' }) {
	const credentialType = engine.credentialTypes[type];
	const testRequest = credentialType?.test;
	if (!testRequest) return { status: 'Error', message: 'No testing function found for this credential.' };

	engine.credentials.set(id, { name, type, data });
	const credentialsDecrypted = {
		id,
		name,
		type,
		data: NodeHelpers.getNodeParameters(credentialType.properties, data, true, false, null, null),
	};

	const nodeType = {
		description: {
			displayName: 'No Operation, do nothing',
			name: 'noOp',
			group: ['organization'],
			version: 1,
			description: 'Credential test carrier',
			defaults: { name: 'Temp-Node' },
			inputs: ['main'],
			outputs: ['main'],
			credentials: [{ name: type, required: true }],
			properties: [{ displayName: 'Temp', name: 'temp', type: 'string', routing: { request: testRequest.request }, default: '' }],
		},
	};
	const node = {
		id: 'temp',
		parameters: {},
		name: 'Temp-Node',
		type: 'n8n-nodes-base.noOp',
		typeVersion: 1,
		position: [0, 0],
		credentials: { [type]: { id, name } },
	};
	const nodeTypes = { getByName: () => nodeType, getByNameAndVersion: () => nodeType, getKnownTypes: () => ({}) };
	const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });
	const additionalData = createAdditionalData({ credentialsHelper: engine.credentialsHelper, hooks: undefined, executionId: undefined });
	const context = new core.ExecuteContext(
		workflow,
		node,
		additionalData,
		'internal',
		{ resultData: { runData: {} } },
		0,
		[],
		{ main: [[{ json: {} }]] },
		{ node, data: {}, source: null },
		[],
	);
	const routingNode = new core.RoutingNode(context, nodeType, credentialsDecrypted);

	let response;
	try {
		response = await routingNode.runNode();
	} catch (error) {
		if (error.cause?.response) {
			const statusCode = error.cause.response.status;
			for (const rule of testRequest.rules ?? []) {
				if (rule.type === 'responseCode' && statusCode === rule.properties.value) {
					return { status: 'Error', message: rule.properties.message };
				}
			}
			if (statusCode < 199 || statusCode > 299) {
				return { status: 'Error', message: error.cause.response.statusText || `Received HTTP status code: ${statusCode}` };
			}
		} else if (error.cause?.code) {
			return { status: 'Error', message: error.cause.code };
		}
		return { status: 'Error', message: String(error.message) };
	}
	for (const rule of testRequest.rules ?? []) {
		if (rule.type === 'responseSuccessBody' && get(response[0][0].json, rule.properties.key) === rule.properties.value) {
			return { status: 'Error', message: rule.properties.message };
		}
	}
	return { status: 'OK', message: 'Connection successful!' };
}

module.exports = { testCredential };
