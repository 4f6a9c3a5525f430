import type { peopleMethods } from '../../shared/api/people';
import * as people from '../services/people';
import { importRoster, previewRoster } from '../services/roster';
import type { HandlersFor } from './context';
import * as see from './viewer';

const bytes = (b64: string) => Buffer.from(b64, 'base64');

export const peopleHandlers: HandlersFor<typeof peopleMethods> = {
  'people.list': (i, ctx) => people.listPeople(ctx.db, i, see.personScope(ctx, 'people', 'p.id')),
  'people.get': ({ id }, ctx) => (see.person(ctx, 'people', id), people.getPerson(ctx.db, id)),
  'people.create': (data, ctx) => people.createPerson(ctx.db, data, ctx.actorId()),
  'people.update': ({ id, data }, ctx) => people.updatePerson(ctx.db, id, data, ctx.actorId()),
  'people.setActive': ({ id, active }, ctx) => people.setPersonActive(ctx.db, id, active, ctx.actorId()),
  'people.rosterPreview': ({ contentBase64 }, { db }) => previewRoster(db, bytes(contentBase64)),
  'people.rosterImport': ({ contentBase64 }, ctx) => importRoster(ctx.db, bytes(contentBase64), ctx.actorId()),
  'teams.list': ({ includeEmpty }, { db }) => people.listTeams(db, includeEmpty),
  'teams.create': (data, ctx) => people.createTeam(ctx.db, data, ctx.actorId()),
  'teams.update': ({ id, data }, ctx) => people.updateTeam(ctx.db, id, data, ctx.actorId()),
  'teams.remove': ({ id }, ctx) => people.removeTeam(ctx.db, id, ctx.actorId()),
};
