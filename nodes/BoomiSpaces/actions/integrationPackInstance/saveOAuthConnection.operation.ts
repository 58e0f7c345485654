import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { readJsonObject } from '../jsonInput';
import { describeValue } from '../resourceLocator';
import type { GraphQLDocument, OperationDefinition } from '../types';
import { noSettings } from '../types';
import { normalizeOAuthRecord, oauthKeyProperties, readOAuthKeys } from './oauthConnection';

/**
 * Boomi's `saveIPackInstanceOauthConnectorDetails(input)`, its input object
 * written inline with scalar variables. Every input field is Required; Boomi
 * stores a dummy value instead of the client secret and never returns it.
 */
export const document: GraphQLDocument = {
	operationName: 'SaveOAuthConnectorDetails',
	field: 'saveIPackInstanceOauthConnectorDetails',
	query: /* GraphQL */ `mutation SaveOAuthConnectorDetails($integrationPackInstanceId: String!, $isTokenGenerated: Boolean!, $oauthConnectorDetails: String!, $processId: String!, $envId: String!, $connectionId: String!, $catalogGuid: String!, $clientId: String!, $clientSecret: String!) {
  saveIPackInstanceOauthConnectorDetails(input: { integrationPackInstanceId: $integrationPackInstanceId, isTokenGenerated: $isTokenGenerated, oauthConnectorDetails: $oauthConnectorDetails, processId: $processId, envId: $envId, connectionId: $connectionId, catalogGuid: $catalogGuid, clientId: $clientId, clientSecret: $clientSecret }) {
    id
    integrationPackInstanceId
    isTokenGenerated
    oauthConnectorDetails
    processId
    envId
    connectionId
    catalogGuid
  }
}`,
};

const DETAILS_EXAMPLE = `{
  "baseURL": "https://example.com",
  "companyId": "",
  "clientId": "",
  "authParams": {},
  "accessTokenParams": {}
}`;

export const properties: INodeProperties[] = [
	...oauthKeyProperties('save'),
	{
		displayName: 'OAuth Connector Details',
		name: 'oauthConnectorDetails',
		type: 'json',
		default: DETAILS_EXAMPLE,
		required: true,
		description:
			"The connector's OAuth settings as a JSON object (or JSON text): baseURL, companyId, clientId, authParams { … } and accessTokenParams { … }, as on Boomi's Persist OAuth Connector Details page. Checked before sending and sent as JSON text.",
	},
	{
		displayName: 'Client ID',
		name: 'clientId',
		type: 'string',
		default: '',
		required: true,
		description:
			'The OAuth client ID of the app registered with the OAuth provider (not a Boomi ID; the one in the details JSON is usually the same). Get OAuth Connection does not return it.',
	},
	{
		displayName: 'Client Secret',
		name: 'clientSecret',
		type: 'string',
		typeOptions: { password: true },
		default: '',
		required: true,
		description:
			'The OAuth client secret of that app. Boomi requires it but, per its docs, stores a dummy value (dummyClientSecret) instead of the real secret; it is never returned, and the node never outputs it.',
	},
	{
		displayName: 'Token Generated',
		name: 'isTokenGenerated',
		type: 'boolean',
		default: false,
		description:
			"Whether the OAuth access token has already been generated for this connection (Boomi's isTokenGenerated; its docs say no more)",
	},
];

function readText(this: IExecuteFunctions, name: string, label: string, itemIndex: number, fix: string): string {
	const value = this.getNodeParameter(name, itemIndex, '') as unknown;
	if (typeof value === 'string' && value !== '') return value;
	if (typeof value === 'number' && Number.isFinite(value)) return String(value);
	throw new NodeOperationError(this.getNode(), `The ${label} is empty`, {
		itemIndex,
		description: `Item ${itemIndex}: "${label}" is ${describeValue(value)}. ${fix}`,
	});
}

export function variables(this: IExecuteFunctions, itemIndex: number): IDataObject {
	const keys = readOAuthKeys.call(this, itemIndex);
	const details = readJsonObject.call(this, 'oauthConnectorDetails', itemIndex, {
		label: 'OAuth Connector Details',
		fix: 'Give a JSON object such as {"baseURL": "https://…", "companyId": "…", "clientId": "…", "authParams": {}, "accessTokenParams": {}}.',
	});
	const clientId = readText.call(this, 'clientId', 'Client ID', itemIndex, 'Set it to the OAuth client ID of the app registered with the provider.');
	const clientSecret = readText.call(
		this,
		'clientSecret',
		'Client Secret',
		itemIndex,
		'Boomi requires a value (it stores a dummy value instead); set the OAuth client secret of the app.',
	);
	const token = this.getNodeParameter('isTokenGenerated', itemIndex, false) as unknown;
	if (token !== true && token !== false && token !== 'true' && token !== 'false') {
		throw new NodeOperationError(this.getNode(), 'Token Generated must be true or false', {
			itemIndex,
			description: `Item ${itemIndex}: "Token Generated" is ${describeValue(token)}. Switch it on or off, or make the expression give true or false.`,
		});
	}
	return {
		...keys,
		isTokenGenerated: token === true || token === 'true',
		oauthConnectorDetails: JSON.stringify(details),
		clientId,
		clientSecret,
	};
}

/** One item: the saved record, connector details parsed, never the client secret. */
export function output(data: unknown, vars: IDataObject): IDataObject[] {
	if (data === null || typeof data !== 'object' || Array.isArray(data)) {
		throw new Error('Boomi answered the save without the saved OAuth connection details (no GraphQL error either)');
	}
	return [normalizeOAuthRecord(data as IDataObject, vars)];
}

export const saveOAuthConnection = { document, properties, batch: true, variables, settings: noSettings, output } satisfies OperationDefinition;
