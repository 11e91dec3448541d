// Entry of the server's SQL grading worker threads (piscina loads it; see
// lib/labs/server/worker-pool.ts). Production runs the bundle `npm run build` makes of it.
import { runGradeJob } from '@/lib/labs/server/grade-job';

export default runGradeJob;
