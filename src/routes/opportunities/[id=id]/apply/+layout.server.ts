// Applying is for signed-in members: anyone else signs in first and comes straight back here.
import { memberContext } from './guard.server';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async (event) => (await memberContext(event)).context;
