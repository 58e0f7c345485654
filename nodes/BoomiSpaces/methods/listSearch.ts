import type {
	IDataObject,
	ILoadOptionsFunctions,
	INodeListSearchItems,
	INodeListSearchResult,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { document as environmentsDocument } from '../actions/environment/getMany.operation';
import { document as instancesDocument } from '../actions/integrationPackInstance/getMany.operation';
import { processesDocument } from './processes';
import { asList } from '../actions/listResults';
import type { GraphQLDocument } from '../transport';
import { getEndpoints, requestData } from '../transport';

/**
 * Pickers ("From List" mode) of the resource locators. They send the same
 * named queries as the Get Many operations. Boomi's list queries have no search
 * or paging arguments, so the search text filters the answer here.
 *
 * A failure (bad credential, Boomi unreachable, a GraphQL error) always throws
 * a NodeApiError naming what could not be loaded: an empty list would read as
 * "nothing installed" and hide the cause.
 */

interface Lists {
	instances?: IDataObject[];
	environments?: IDataObject[];
	/** Processes of every instance, each with its instance's name. */
	processes?: IDataObject[];
}

function asText(value: unknown): string {
	return typeof value === 'string' ? value : value === undefined || value === null ? '' : String(value);
}

/** The name a person knows an instance by: its override name, else its integration pack's name. */
export function instanceName(instance: IDataObject): string {
	const pack = (instance.integrationPack ?? {}) as IDataObject;
	return asText(instance.integrationPackOverrideName) || asText(pack.name) || asText(instance.id);
}

function loadFailure(context: ILoadOptionsFunctions, what: string, error: unknown): NodeApiError {
	const failure = (error ?? {}) as { message?: unknown; description?: unknown; httpCode?: unknown };
	const message = typeof failure.message === 'string' && failure.message ? failure.message : String(error);
	const description =
		typeof failure.description === 'string' && failure.description
			? failure.description
			: 'Check the Boomi Spaces credential (region, account, API token, Space GUID), or enter the ID with "By ID".';
	return new NodeApiError(context.getNode(), { message } as JsonObject, {
		message: `Could not load ${what} from Boomi Spaces: ${message}`,
		description,
		httpCode: typeof failure.httpCode === 'string' ? failure.httpCode : undefined,
	});
}

/** Runs the named list queries the picker needs (sequentially: one JWT mint at most). */
async function load(
	this: ILoadOptionsFunctions,
	what: string,
	wanted: { instances?: boolean; environments?: boolean; processes?: boolean },
): Promise<Lists> {
	try {
		const endpoints = await getEndpoints.call(this);
		const label = { name: `loading ${what}`, mutation: false };
		// A person waits for the list: fewer resends than a run's default.
		const maxRetries = 2;
		const run = async (document: GraphQLDocument, variables: IDataObject = {}) =>
			asList((await requestData.call(this, endpoints, document, variables, { label, maxRetries }))[document.field]);
		const lists: Lists = {};
		if (wanted.instances) lists.instances = await run(instancesDocument);
		if (wanted.environments) lists.environments = await run(environmentsDocument);
		if (wanted.processes) {
			// Boomi lists processes per instance: one query each, one at a time.
			lists.processes = [];
			for (const instance of lists.instances ?? []) {
				const integrationPackInstanceId = asText(instance.id);
				if (!integrationPackInstanceId) continue;
				for (const entry of await run(processesDocument, { integrationPackInstanceId })) {
					lists.processes.push({ ...entry, instanceName: instanceName(instance) });
				}
			}
		}
		return lists;
	} catch (error) {
		throw loadFailure(this, what, error);
	}
}

/** Case-insensitive match of the search text on the label or the id. */
function matching(results: INodeListSearchItems[], filter?: string): INodeListSearchResult {
	const needle = (filter ?? '').trim().toLowerCase();
	const found = needle
		? results.filter(
				(result) =>
					result.name.toLowerCase().includes(needle) || String(result.value).toLowerCase().includes(needle),
			)
		: results;
	return { results: found };
}

const byName = (a: INodeListSearchItems, b: INodeListSearchItems) => a.name.localeCompare(b.name);

export async function searchIntegrationPackInstances(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const { instances = [] } = await load.call(this, 'the integration pack instances', { instances: true });
	const results = instances
		.filter((instance) => asText(instance.id) !== '')
		.map((instance) => {
			const name = instanceName(instance);
			const pack = (instance.integrationPack ?? {}) as IDataObject;
			const packName = asText(pack.name);
			return {
				name: packName && packName !== name ? `${name} (${packName})` : name,
				value: asText(instance.id),
			};
		});
	return matching(results.sort(byName), filter);
}

export async function searchEnvironments(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const { environments = [] } = await load.call(this, 'the environments', { environments: true });
	const results = environments
		.filter((environment) => asText(environment.id) !== '')
		.map((environment) => {
			const name = asText(environment.name) || asText(environment.id);
			const classification = asText(environment.classification);
			return { name: classification ? `${name} (${classification})` : name, value: asText(environment.id) };
		});
	return matching(results.sort(byName), filter);
}

/** Current attachments as "<instance name> → <environment name>", valued by the attachment ID Unattach takes. */
export async function searchAttachments(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const { instances = [], environments = [] } = await load.call(this, 'the environment attachments', {
		instances: true,
		environments: true,
	});
	const names = new Map(instances.map((instance) => [asText(instance.id), instanceName(instance)]));
	const results: INodeListSearchItems[] = [];
	for (const environment of environments) {
		const environmentName = asText(environment.name) || asText(environment.id);
		for (const attachment of asList(environment.integrationPackEnvironmentAttachment)) {
			const id = asText(attachment.id);
			if (!id) continue;
			const instanceId = asText(attachment.integrationPackInstanceId);
			results.push({ name: `${names.get(instanceId) ?? instanceId} → ${environmentName}`, value: id });
		}
	}
	return matching(results.sort(byName), filter);
}

/** Processes of the Space's integration pack instances, as "process name (instance name)", valued by the process ID. */
export async function searchProcesses(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const { processes = [] } = await load.call(this, 'the processes', { instances: true, processes: true });
	const seen = new Set<string>();
	const results: INodeListSearchItems[] = [];
	for (const entry of processes) {
		const id = asText(entry.id);
		if (!id || seen.has(id)) continue;
		seen.add(id);
		results.push({ name: `${asText(entry.name) || id} (${asText(entry.instanceName)})`, value: id });
	}
	return matching(results.sort(byName), filter);
}
