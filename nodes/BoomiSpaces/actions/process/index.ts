import type { INodeProperties } from 'n8n-workflow';

import { operationSelector } from '../operationSelector';
import type { OperationDefinition } from '../types';
import { execute } from './execute.operation';
import { updateSchedule } from './updateSchedule.operation';

export const operations = {
	execute,
	updateSchedule,
} satisfies Record<string, OperationDefinition>;

export const operationProperty: INodeProperties = operationSelector('process', 'execute', [
	{
		name: 'Execute',
		value: 'execute',
		description:
			"Start a run of a process on an atom; outputs Boomi's execution request (request ID, record URL, process ID, atom ID); the run is asynchronous, so follow it with Execution › Get Many (Boomi mutation processExecute)",
		action: 'Execute a process',
	},
	{
		name: 'Update Schedule',
		value: 'updateSchedule',
		description:
			"Replace the schedules of a process on an atom (cron-like rows: minutes, hours, days of week and month, months, years) and its retry of failed documents; outputs the process schedules as Boomi now holds them (Boomi mutation processSchedulesUpdate)",
		action: 'Update a process schedule',
	},
]);
