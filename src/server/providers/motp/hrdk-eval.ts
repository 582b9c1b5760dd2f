/**
 * HRD Korea's evaluation codes: what a check is for, as `EVAL_CD` / `EVAL_TYPE`, and the lesson
 * number `CLASS_TME` that goes with it. Written out in docs/hrdk.md; a new purpose must be
 * mapped here (the table is typed over every purpose).
 */
import type { CourseContext, Purpose } from '../../../protocol/index.js';

/** One row: HRD Korea's code and the Korean word it sends beside it. */
export interface HrdkEval {
  /** `EVAL_CD`: `00` 입과, `01` 진도, `02` 시험, `03` 과제, `04` 진행평가, `99` 기타. */
  code: '00' | '01' | '02' | '03' | '04' | '99';
  /** `EVAL_TYPE`: the same, in Korean. */
  type: '입과' | '진도' | '시험' | '과제' | '진행평가' | '기타';
}

/** Purpose → evaluation code. */
export const HRDK_EVAL_BY_PURPOSE: Readonly<Record<Purpose, HrdkEval>> = {
  login: { code: '00', type: '입과' },
  enroll: { code: '00', type: '입과' },
  'course-start': { code: '01', type: '진도' },
  daily: { code: '01', type: '진도' },
  exam: { code: '02', type: '시험' },
  assignment: { code: '03', type: '과제' },
  'progress-eval': { code: '04', type: '진행평가' },
  'motp-unlock': { code: '99', type: '기타' },
};

/** The course fields every HRD Korea call that carries a course sends. */
export interface HrdkCourseFields {
  COURSE_AGENT_PK: string;
  CLASS_AGENT_PK: string;
  EVAL_CD: HrdkEval['code'];
  EVAL_TYPE: HrdkEval['type'];
  CLASS_TME: string;
}

/**
 * The course fields for a check: the LMS's course and class keys (empty when the session has
 * none), the purpose's evaluation code, and the lesson — always `00` for 입과, `00` as well
 * when the LMS gave no course.
 */
export function courseFields(purpose: Purpose, course: CourseContext | undefined): HrdkCourseFields {
  const evaluation = HRDK_EVAL_BY_PURPOSE[purpose];
  return {
    COURSE_AGENT_PK: course?.coursePk ?? '',
    CLASS_AGENT_PK: course?.classPk ?? '',
    EVAL_CD: evaluation.code,
    EVAL_TYPE: evaluation.type,
    CLASS_TME: evaluation.code === '00' ? '00' : (course?.classTime ?? '00'),
  };
}
