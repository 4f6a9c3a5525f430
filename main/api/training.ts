import type { trainingMethods } from '../../shared/api/training';
import * as model from '../services/training/model';
import * as courses from '../services/training/courses';
import * as learn from '../services/training/learn';
import * as plans from '../services/training/plans';
import * as drills from '../services/training/drills';
import { competenceExplanation, competenceProfile } from '../services/training/profile';
import type { HandlersFor } from './context';
import { AppError } from '../../shared/api/contract';
import { hasRole } from '../../shared/api/access';
import * as see from './viewer';

export const trainingHandlers: HandlersFor<typeof trainingMethods> = {
  'competencies.model': ({ includeArchived }, { db }) => model.getModel(db, includeArchived),
  'competencies.create': (data, ctx) => model.createCompetency(ctx.db, data, ctx.actorId()),
  'competencies.update': ({ id, data }, ctx) => model.updateCompetency(ctx.db, id, data, ctx.actorId()),
  'competencies.setArchived': ({ id, archived }, ctx) => model.setCompetencyArchived(ctx.db, id, archived, ctx.actorId()),
  'competencies.setTarget': ({ jobRoleId, competencyId, level }, ctx) =>
    model.setTarget(ctx.db, jobRoleId, competencyId, level, ctx.actorId()),
  'competencies.setJobRole': ({ personId, jobRoleId }, { db }) => model.setJobRole(db, personId, jobRoleId),
  'competencies.assess': (i, ctx) => (see.person(ctx, 'competence', i.repId), model.assess(ctx.db, i, ctx.actorId())),
  'competencies.assessments': ({ repId }, ctx) => (see.person(ctx, 'competence', repId), model.listAssessments(ctx.db, repId)),

  'training.courses.list': (i, { db }) => courses.listCourses(db, i),
  'training.courses.get': ({ id }, { db }) => courses.getCourse(db, id),
  'training.courses.create': (data, ctx) => courses.createCourse(ctx.db, data, ctx.actorId()),
  'training.courses.update': ({ id, data }, ctx) => courses.updateCourse(ctx.db, id, data, ctx.actorId()),
  'training.courses.setStatus': ({ id, status }, ctx) => courses.setCourseStatus(ctx.db, id, status, ctx.actorId()),
  'training.courses.remove': ({ id }, ctx) => courses.removeCourse(ctx.db, id, ctx.actorId()),
  'training.modules.save': ({ courseId, id, title }, ctx) => courses.saveModule(ctx.db, courseId, id, title, ctx.actorId()),
  'training.modules.remove': ({ id }, ctx) => courses.removeModule(ctx.db, id, ctx.actorId()),
  'training.items.save': (data, ctx) => courses.saveItem(ctx.db, data, ctx.actorId()),
  'training.items.remove': ({ id }, ctx) => courses.removeItem(ctx.db, id, ctx.actorId()),

  'training.learn.course': ({ courseId }, ctx) => learn.learnerCourse(ctx.db, courseId, learn.requireLearner(ctx.actorId())),
  'training.learn.completeLesson': ({ itemId }, ctx) => learn.completeLesson(ctx.db, itemId, learn.requireLearner(ctx.actorId())),
  'training.learn.startQuiz': ({ itemId }, ctx) => learn.startQuiz(ctx.db, itemId, learn.requireLearner(ctx.actorId())),
  'training.learn.submitQuiz': ({ itemId, answers }, ctx) => learn.submitQuiz(ctx.db, itemId, answers, learn.requireLearner(ctx.actorId())),
  'training.my': ({ personId }, ctx) => {
    const who = personId ?? learn.requireLearner(ctx.actorId());
    see.person(ctx, 'training', who);
    return plans.myTraining(ctx.db, who);
  },

  'training.plans.list': (_i, { db }) => plans.listPlans(db),
  'training.plans.save': ({ id, data }, ctx) => plans.savePlan(ctx.db, id, data, ctx.actorId()),
  'training.assignments.list': (i, ctx) => (
    see.team(ctx, 'training', i.teamId),
    plans.listAssignments(ctx.db, i, see.personScope(ctx, 'training', 'a.person_id'))
  ),
  'training.dashboard': ({ teamId }, ctx) => (
    see.team(ctx, 'training', teamId),
    plans.dashboard(ctx.db, teamId, undefined, see.personScope(ctx, 'training', 'a.person_id'))
  ),
  'training.itemAnalysis': ({ itemId }, { db }) => plans.itemAnalysis(db, itemId),
  'training.attempts.grant': ({ itemId, personId }, ctx) => plans.grantAttempt(ctx.db, itemId, personId, ctx.actorId()),
  'training.certificates.list': ({ personId }, ctx) => (see.person(ctx, 'training', personId), plans.listCertificates(ctx.db, personId)),
  'training.certificates.get': ({ id }, ctx) => (see.owned(ctx, 'training', 'course_completions', id), plans.getCertificate(ctx.db, id)),

  'training.competence.profile': ({ personId }, ctx) => (see.person(ctx, 'competence', personId), competenceProfile(ctx.db, personId)),
  'training.competence.explain': ({ personId, competencyId, asOf }, ctx) => (
    see.person(ctx, 'competence', personId),
    competenceExplanation(ctx.db, personId, competencyId, asOf)
  ),

  'training.drills.session': ({ limit }, ctx) => drills.drillSession(ctx.db, learn.requireLearner(ctx.actorId()), limit),
  'training.drills.review': ({ cardId, rating, typed }, ctx) =>
    drills.reviewCard(ctx.db, learn.requireLearner(ctx.actorId()), cardId, rating, typed),
  'training.drills.settings': ({ desiredRetention }, ctx) => {
    if (desiredRetention == null) return { desiredRetention: drills.desiredRetention(ctx.db) };
    // everyone reads the workspace's drill setting; trainers change it
    if (!hasRole(ctx.actor, 'trainer'))
      throw new AppError('forbidden', "You don't have permission to do this.", undefined, { key: 'access.forbidden' });
    return drills.setDesiredRetention(ctx.db, desiredRetention);
  },
};
