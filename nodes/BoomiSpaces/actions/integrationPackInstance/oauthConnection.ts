import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { parseJsonText } from '../jsonInput';
import { environmentLocator, integrationPackInstanceLocator, processLocator, readLocatorId } from '../resourceLocator';

/**
 * The five keys that identify saved OAuth connector details, shared by Get
 * OAuth Connection (`IPackInstanceOAuthConnectorDetails`) and Save OAuth
 * Connection (`saveIPackInstanceOauthConnectorDetails`). Boomi types all five
 * as Strings and marks them Required.
 */
export function oauthKeyProperties(verb: 'get' | 'save'): INodeProperties[] {
	const action = verb === 'get' ? 'to read' : 'to save';
	return [
		integrationPackInstanceLocator(
			`The installed integration pack instance whose OAuth connection details ${action}, as returned by Install or Get Many (the ID in their output). Sent to Boomi unchanged.`,
		),
		environmentLocator(
			'envId',
			'The environment the instance is attached to, for which the connection is configured: its environment ID (a UUID), as listed by Get Many on Environment. Sent to Boomi unchanged.',
		),
		processLocator(
			'The process of the instance that uses the OAuth connection: its process ID, as Get Processes of an integration pack instance outputs it (`ID`)',
		),
		{
			displayName: 'Connection ID',
			name: 'connectionId',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. 3f0c2a55-9d1e-4b7a-8c36-2e5f1a9b7d40',
			description:
				'The OAuth connection: its connection component ID (a UUID), as Get Extensions outputs it under environmentExtensions.connections.connection[].ID. Sent to Boomi unchanged.',
		},
		{
			displayName: 'Space GUID',
			name: 'catalogGuid',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. 8f2c6a1e-4b7d-4e19-a3c5-92d0f6b1e7a4',
			description:
				"The GUID of the Space (Boomi's catalogGuid, \"the Space guid\"): the same value as the Space GUID of the Boomi Spaces credential this node uses. The node cannot read the credential here, so enter it again.",
		},
	];
}

/** Reads and checks the five keys of an item. */
export function readOAuthKeys(this: IExecuteFunctions, itemIndex: number): IDataObject {
	const id = (name: string, label: string, fix: string) =>
		readLocatorId.call(this, name, itemIndex, { label, fix });
	return {
		integrationPackInstanceId: id(
			'integrationPackInstanceId',
			'Integration Pack Instance ID',
			'set "Integration Pack Instance" to the ID of the installed instance (Install or Get Many outputs it).',
		),
		envId: id('envId', 'Environment ID', 'set "Environment" to the ID of an environment the instance is attached to (Get Many on Environment lists them).'),
		processId: id('processId', 'Process ID', 'set "Process" to the ID of a process of the instance (Get Processes outputs it).'),
		connectionId: id(
			'connectionId',
			'Connection ID',
			'set "Connection ID" to the ID of the OAuth connection (Get Extensions outputs the connection IDs of the instance).',
		),
		catalogGuid: id('catalogGuid', 'Space GUID', 'set "Space GUID" to the GUID of the Space (the Space GUID of the Boomi Spaces credential).'),
	};
}

const SECRET_KEY = /^client_?secret$/i;

/** The value without any `clientSecret` key, at any depth: a client secret never reaches the output. */
function withoutSecrets(value: unknown): unknown {
	if (Array.isArray(value)) return value.map(withoutSecrets);
	if (value === null || typeof value !== 'object') return value;
	const copy: IDataObject = {};
	for (const [key, entry] of Object.entries(value as IDataObject)) {
		if (!SECRET_KEY.test(key)) copy[key] = withoutSecrets(entry) as IDataObject;
	}
	return copy;
}

/**
 * Boomi's OAuth connector details record as an output item: the connector
 * details parsed (text that does not parse is kept and named in
 * `unparsedFields`), no client secret at any depth.
 */
export function normalizeOAuthRecord(record: IDataObject, vars: IDataObject): IDataObject {
	const json = withoutSecrets({
		found: true,
		id: record.id ?? null,
		integrationPackInstanceId: record.integrationPackInstanceId ?? vars.integrationPackInstanceId ?? null,
		envId: record.envId ?? vars.envId ?? null,
		processId: record.processId ?? vars.processId ?? null,
		connectionId: record.connectionId ?? vars.connectionId ?? null,
		catalogGuid: record.catalogGuid ?? vars.catalogGuid ?? null,
		isTokenGenerated: record.isTokenGenerated ?? null,
		oauthConnectorDetails: record.oauthConnectorDetails ?? null,
	}) as IDataObject;
	const details = json.oauthConnectorDetails;
	if (typeof details === 'string') {
		const parsed = parseJsonText(details);
		if (parsed === undefined) json.unparsedFields = ['oauthConnectorDetails'];
		else json.oauthConnectorDetails = withoutSecrets(parsed) as IDataObject;
	}
	return json;
}
