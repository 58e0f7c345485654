import type { INodeProperties } from 'n8n-workflow';

import { operationSelector } from '../operationSelector';
import type { OperationDefinition } from '../types';
import { attach } from './attach.operation';
import { getExtensions } from './getExtensions.operation';
import { getMany } from './getMany.operation';
import { getOAuthConnection } from './getOAuthConnection.operation';
import { getProcesses } from './getProcesses.operation';
import { install } from './install.operation';
import { saveOAuthConnection } from './saveOAuthConnection.operation';
import { unattach } from './unattach.operation';
import { uninstall } from './uninstall.operation';

export const operations = {
	unattach,
	attach,
	getMany,
	install,
	uninstall,
	getProcesses,
	getExtensions,
	getOAuthConnection,
	saveOAuthConnection,
} satisfies Record<string, OperationDefinition>;

export const operationProperty: INodeProperties = operationSelector('integrationPackInstance', 'unattach', [
	{
		name: 'Attach to Environments',
		value: 'attach',
		description:
			'Attach an installed integration pack instance to one or more environments of the Space; outputs one item per created attachment with its attachment ID (Boomi mutation integrationPackInstanceEnvironmentAttachmentAttach)',
		action: 'Attach instance to environments',
	},
	{
		name: 'Get Extensions',
		value: 'getExtensions',
		description:
			"Get the extensions of an installed integration pack instance, one item per environment it is attached to (optionally only some): the environment extensions with their ID (envExtensionId, what Update on Environment Extensions takes) and the map extensions with theirs (mapExtensionIds), Boomi's JSON texts parsed (Boomi query integrationPackEnvironmentAttachments)",
		action: 'Get instance extensions',
	},
	{
		name: 'Get Many',
		value: 'getMany',
		description:
			'List the integration pack instances installed in the Space, one item per instance with its ID, override name and integration pack (ID, name, installation type) (Boomi query integrationPackInstances)',
		action: 'Get many instances',
	},
	{
		name: 'Get OAuth Connection',
		value: 'getOAuthConnection',
		description:
			'Get the OAuth connector details saved for a connection of an integration pack instance in an environment and process: baseURL, clientId, authParams and the rest parsed, never a client secret; found is false when none are saved (Boomi query IPackInstanceOAuthConnectorDetails)',
		action: 'Get instance connection authorization',
	},
	{
		name: 'Get Processes',
		value: 'getProcesses',
		description:
			'Get the processes of an installed integration pack instance with their schedules: one item per process (and atom it is deployed to) with its process ID, processSchedulesId (what Update Schedule takes), atom, environment, schedule and retry (Boomi query integrationPackInstanceProcesses)',
		action: 'Get instance processes',
	},
	{
		name: 'Install',
		value: 'install',
		description:
			'Install an integration pack in the Space, creating an integration pack instance; outputs the new instance ID (Boomi mutation integrationPackInstanceInstall)',
		action: 'Install integration pack',
	},
	{
		name: 'Save OAuth Connection',
		value: 'saveOAuthConnection',
		description:
			'Save the OAuth connector details of a connection of an integration pack instance in an environment and process (client ID and secret; Boomi stores a dummy value instead of the secret); outputs the saved record without any secret (Boomi mutation saveIPackInstanceOauthConnectorDetails)',
		action: 'Save instance connection authorization',
	},
	{
		name: 'Unattach From Environment',
		value: 'unattach',
		description:
			'Detach an installed integration pack instance from an environment (Boomi mutation integrationPackInstanceEnvironmentAttachmentUnattach)',
		action: 'Unattach instance from environment',
	},
	{
		name: 'Uninstall',
		value: 'uninstall',
		description:
			'Uninstall an integration pack instance from the Space (Boomi mutation integrationPackInstanceUninstall)',
		action: 'Uninstall instance',
	},
]);
