import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { applyLimit, asList, limitSettings, listSettingsOf, returnAllAndLimitProperties } from '../listResults';
import { integrationPackInstanceLocator, readLocatorId } from '../resourceLocator';
import type { GraphQLDocument, OperationDefinition } from '../types';
import { processSchedulesFields } from '../process/processSchedulesFields';

/**
 * Boomi's `integrationPackInstanceProcesses`: the processes of one instance,
 * each with its schedules (`processSchedules`) on an atom where it is
 * deployed. `integrationPack` is a list of references (the page's sample).
 */
export const document: GraphQLDocument = {
	operationName: 'ListIntegrationPackInstanceProcesses',
	field: 'integrationPackInstanceProcesses',
	query: /* GraphQL */ `query ListIntegrationPackInstanceProcesses($integrationPackInstanceId: ID!) {
  integrationPackInstanceProcesses(integrationPackInstanceId: $integrationPackInstanceId) {
    id
    name
    integrationPack {
      integrationPackId
      integrationPackInstanceId
    }
    processSchedules {
      ${processSchedulesFields('      ')}
    }
  }
}`,
};

export const properties: INodeProperties[] = [
	integrationPackInstanceLocator(
		'The installed integration pack instance whose processes to list, as returned by Install or Get Many (the ID in their output). Sent to Boomi unchanged.',
	),
	...returnAllAndLimitProperties,
];

export function variables(this: IExecuteFunctions, itemIndex: number): IDataObject {
	const integrationPackInstanceId = readLocatorId.call(this, 'integrationPackInstanceId', itemIndex, {
		label: 'Integration Pack Instance ID',
		fix: 'set "Integration Pack Instance" to the ID of the installed instance whose processes to list.',
	});
	return { integrationPackInstanceId };
}

export const settings = limitSettings;

/**
 * One item per process Boomi lists (per atom it is deployed to, when several),
 * its schedules flattened: `processSchedulesId` is the ID Process › Update
 * Schedule takes; a process deployed nowhere has `processSchedulesId: null`
 * and no schedule.
 */
export function normalizeProcess(entry: IDataObject, vars: IDataObject): IDataObject {
	const schedules = (entry.processSchedules ?? null) as IDataObject | null;
	const [pack] = asList(entry.integrationPack);
	return {
		id: entry.id ?? null,
		name: entry.name ?? null,
		processId: schedules?.processId ?? entry.id ?? null,
		integrationPackInstanceId: pack?.integrationPackInstanceId ?? vars.integrationPackInstanceId ?? null,
		integrationPackId: pack?.integrationPackId ?? null,
		processSchedulesId: schedules?.id ?? null,
		atomId: schedules?.atomId ?? null,
		envId: schedules?.envId ?? null,
		schedule: asList(schedules?.schedule),
		retry: (schedules?.retry as IDataObject | null | undefined) ?? null,
	};
}

export function output(data: unknown, vars: IDataObject, itemSettings: IDataObject): IDataObject[] {
	return applyLimit(asList(data), listSettingsOf(itemSettings)).map((entry) => normalizeProcess(entry, vars));
}

export const getProcesses = { document, properties, batch: true, variables, settings, output } satisfies OperationDefinition;
