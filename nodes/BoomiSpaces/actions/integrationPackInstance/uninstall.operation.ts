import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { integrationPackInstanceLocator, readLocatorId } from '../resourceLocator';
import type { Judgement, SpaceLists } from '../judging';
import { INSTANCES_LIST, findById, namesOf } from '../judging';
import type { GraphQLDocument, OperationDefinition } from '../types';
import { noSettings } from '../types';

export const document: GraphQLDocument = {
	operationName: 'UninstallIntegrationPackInstance',
	field: 'integrationPackInstanceUninstall',
	query: /* GraphQL */ `mutation UninstallIntegrationPackInstance($id: ID!) {
  integrationPackInstanceUninstall(id: $id)
}`,
};

export const properties: INodeProperties[] = [
	integrationPackInstanceLocator(
		'The installed integration pack instance to uninstall from the Space, as returned by Install or Get Many (the ID in their output). Sent to Boomi unchanged.',
	),
];

export function variables(this: IExecuteFunctions, itemIndex: number): IDataObject {
	const id = readLocatorId.call(this, 'integrationPackInstanceId', itemIndex, {
		label: 'Integration Pack Instance ID',
		fix: 'set "Integration Pack Instance" to the ID of the installed instance to uninstall.',
	});
	return { id };
}

/** One item: n8n's `deleted`-style flag, the id sent and Boomi's answer (in Boomi's sample, the same id). */
export function output(data: unknown, vars: IDataObject): IDataObject[] {
	return [{ uninstalled: true, id: vars.id as string, result: (data as string | null | undefined) ?? null }];
}

export const uninstall = { document, properties, batch: true, variables, settings: noSettings, output } satisfies OperationDefinition;

const INSTANCE_FORM = /^IntegrationPackInstance\d+$/;

/** Whether an ID has the form seen in Boomi's samples: unpadded base64 of `IntegrationPackInstance<N>`. */
export function hasInstanceIdForm(id: unknown): boolean {
	if (typeof id !== 'string' || !/^[A-Za-z0-9+/]+={0,2}$/.test(id) || id.length % 4 === 1) return false;
	try {
		return INSTANCE_FORM.test(atob(id));
	} catch {
		return false;
	}
}

/**
 * Dry Run / Succeed If Already Done. Weak evidence by nature: an uninstalled
 * instance and a mistyped ID both are simply not listed. Taken as "already
 * uninstalled": an ID in Boomi's observed instance form (base64 of
 * `IntegrationPackInstance<N>`) that Integration Pack Instance › Get Many no
 * longer lists; anything else not listed is an unknown ID.
 */
export function judge(vars: IDataObject, _settings: IDataObject, lists: SpaceLists): Judgement {
	const id = vars.id as string;
	const instance = findById(lists.instances, id);
	if (instance) {
		return { state: 'wouldApply', evidence: `${INSTANCES_LIST} lists this instance`, fields: { id, ...namesOf(lists, id) } };
	}
	if (hasInstanceIdForm(id)) {
		return {
			state: 'alreadyDone',
			evidence: `${INSTANCES_LIST} no longer lists this ID, which has Boomi's instance ID form (IntegrationPackInstance<number>); weak evidence: a mistyped number of that form looks the same`,
			fields: { id },
			done: [{ uninstalled: true, id, result: null }],
		};
	}
	return {
		state: 'unknownId',
		evidence: `${INSTANCES_LIST} does not list this ID, and it does not have Boomi's instance ID form`,
		fields: { id },
	};
}
