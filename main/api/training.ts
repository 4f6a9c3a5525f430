import type { trainingMethods } from '../../shared/api/training';
import * as model from '../services/training/model';
import * as courses from '../services/training/courses';
import * as learn from '../services/training/learn';
import * as plans from '../services/training/plans';
import * as drills from '../services/training/drills';
import { competenceExplanation, competenceProfile } from '../services/training/profile';
import type { HandlersFor } from './context';

export const trainingHandlers: HandlersFor<typeof trainingMethods> = {
  'competencies.model': ({ includeArchived }, { db }) => model.getModel(db, includeArchived),
  'competencies.create': (data, ctx) => model.createCompetency(ctx.db, data, ctx.actorId()),
  'competencies.update': ({ id, data }, ctx) => model.updateCompetency(ctx.db, id, data, ctx.actorId()),
  'competencies.setArchived': ({ id, archived }, ctx) => model.setCompetencyArchived(ctx.db, id, archived, ctx.actorId()),
  'competencies.setTarget': ({ jobRoleId, competencyId, level }, ctx) => model.setTarget(ctx.db, jobRoleId, competencyId, level, ctx.actorId()),
  'competencies.setJobRole': ({ personId, jobRoleId }, { db }) => model.setJobRole(db, personId, jobRoleId),
  'competencies.assess': (i, ctx) => model.assess(ctx.db, i, ctx.actorId()),
  'competencies.assessments': ({ repId }, { db }) => model.listAssessments(db, repId),

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
  'training.my': ({ personId }, ctx) => plans.myTraining(ctx.db, personId ?? learn.requireLearner(ctx.actorId())),

  'training.plans.list': (_i, { db }) => plans.listPlans(db),
  'training.plans.save': ({ id, data }, ctx) => plans.savePlan(ctx.db, id, data, ctx.actorId()),
  'training.assignments.list': (i, { db }) => plans.listAssignments(db, i),
  'training.dashboard': ({ teamId }, { db }) => plans.dashboard(db, teamId),
  'training.itemAnalysis': ({ itemId }, { db }) => plans.itemAnalysis(db, itemId),
  'training.attempts.grant': ({ itemId, personId }, ctx) => plans.grantAttempt(ctx.db, itemId, personId, ctx.actorId()),
  'training.certificates.list': ({ personId }, { db }) => plans.listCertificates(db, personId),
  'training.certificates.get': ({ id }, { db }) => plans.getCertificate(db, id),

  'training.competence.profile': ({ personId }, { db }) => competenceProfile(db, personId),
  'training.competence.explain': ({ personId, competencyId, asOf }, { db }) => competenceExplanation(db, personId, competencyId, asOf),

  'training.drills.session': ({ limit }, ctx) => drills.drillSession(ctx.db, learn.requireLearner(ctx.actorId()), limit),
  'training.drills.review': ({ cardId, rating, typed }, ctx) => drills.reviewCard(ctx.db, learn.requireLearner(ctx.actorId()), cardId, rating, typed),
  'training.drills.settings': ({ desiredRetention }, { db }) =>
    desiredRetention != null ? drills.setDesiredRetention(db, desiredRetention) : { desiredRetention: drills.desiredRetention(db) },
};
