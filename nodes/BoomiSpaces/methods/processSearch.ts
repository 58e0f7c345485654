import type { IDataObject, ILoadOptionsFunctions, INodeListSearchItems, INodeListSearchResult } from 'n8n-workflow';

import { asList } from '../actions/listResults';
import type { GraphQLDocument } from '../transport';
import { getEndpoints, requestData } from '../transport';
import { document as instancesDocument } from '../actions/integrationPackInstance/getMany.operation';
import { asText, byName, instanceName, loadFailure, matching } from './listSearch';

/**
 * Pickers of the Process operations: atoms (Execute) and process schedules
 * (Update Schedule). Same rules as listSearch.ts: the search text filters
 * Boomi's answer here; a failure throws a NodeApiError naming what could not
 * be loaded.
 */

/** The processes of one instance with the id of their schedules on each atom. */
export const processSchedulesDocument: GraphQLDocument = {
	operationName: 'ListProcessSchedulesForPicker',
	field: 'integrationPackInstanceProcesses',
	query: /* GraphQL */ `query ListProcessSchedulesForPicker($integrationPackInstanceId: ID!) {
  integrationPackInstanceProcesses(integrationPackInstanceId: $integrationPackInstanceId) {
    id
    name
    processSchedules {
      id
      atomId
      envId
    }
  }
}`,
};

/** The environments with their atoms (Environment › Get Many selects no atoms). */
/** Environments with their atoms: the atom picker, and the trigger (an execution's atom names its environment). */
export const atomsDocument: GraphQLDocument = {
	operationName: 'ListAtomsForPicker',
	field: 'environments',
	query: /* GraphQL */ `query ListAtomsForPicker {
  environments {
    id
    name
    classification
    atoms {
      id
      name
    }
  }
}`,
};

/** Runs the picker's own queries one at a time (one JWT mint at most); a failure names what could not be loaded. */
async function loadAll(
	this: ILoadOptionsFunctions,
	what: string,
	steps: (run: (document: GraphQLDocument, variables?: IDataObject) => Promise<IDataObject[]>) => Promise<void>,
): Promise<void> {
	try {
		const endpoints = await getEndpoints.call(this);
		const label = { name: `loading ${what}`, mutation: false };
		// A person waits for the list: fewer resends than a run's default.
		const run = async (document: GraphQLDocument, variables: IDataObject = {}) =>
			asList((await requestData.call(this, endpoints, document, variables, { label, maxRetries: 2 }))[document.field]);
		await steps(run);
	} catch (error) {
		throw loadFailure(this, what, error);
	}
}

/** Atom ID → "atom name (environment name)", from the environments query. */
function atomLabels(environments: IDataObject[]): Map<string, string> {
	const labels = new Map<string, string>();
	for (const environment of environments) {
		const environmentName = asText(environment.name) || asText(environment.id);
		for (const atom of asList(environment.atoms)) {
			const id = asText(atom.id);
			if (!id || labels.has(id)) continue;
			labels.set(id, `${asText(atom.name) || id} (${environmentName})`);
		}
	}
	return labels;
}

/** Every environment's atoms, as "atom name (environment name)", valued by the atom ID. */
export async function searchAtoms(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	let environments: IDataObject[] = [];
	await loadAll.call(this, 'the atoms', async (run) => {
		environments = await run(atomsDocument);
	});
	const results: INodeListSearchItems[] = [...atomLabels(environments)].map(([value, name]) => ({ name, value }));
	return matching(results.sort(byName), filter);
}

/**
 * Every process of the installed instances on every atom it is deployed to,
 * as "process name (instance name) on atom name (environment name)", valued by
 * the process schedules ID Update Schedule takes.
 */
export async function searchProcessSchedules(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const results: INodeListSearchItems[] = [];
	await loadAll.call(this, 'the process schedules', async (run) => {
		const atoms = atomLabels(await run(atomsDocument));
		const seen = new Set<string>();
		for (const instance of await run(instancesDocument)) {
			const integrationPackInstanceId = asText(instance.id);
			if (!integrationPackInstanceId) continue;
			// Boomi lists processes per instance: one query each, one at a time.
			for (const entry of await run(processSchedulesDocument, { integrationPackInstanceId })) {
				const schedules = (entry.processSchedules ?? {}) as IDataObject;
				const id = asText(schedules.id);
				if (!id || seen.has(id)) continue;
				seen.add(id);
				const atomId = asText(schedules.atomId);
				results.push({
					name: `${asText(entry.name) || asText(entry.id)} (${instanceName(instance)}) on ${atoms.get(atomId) ?? (atomId || 'an atom')}`,
					value: id,
				});
			}
		}
	});
	return matching(results.sort(byName), filter);
}
