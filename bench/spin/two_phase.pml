/*
 * Two-Phase Commit (TwoPhase.tla of the TLA+ Examples) in Promela, for `npm run bench -- spin`:
 * the same variables and the same actions, so the same state space as TLC's and Kripke's
 * (7 RMs: 296,448 states; 8 RMs: 1,745,408). Compile with -DN=7 or -DN=8 (default 7).
 *
 * One process, one control location: every TLA+ action (for every RM) is one atomic option of
 * the loop, so a SPIN transition is a TLA+ step. Sets are bit arrays: tmPrepared[r], and msgs as
 * msgPrepared[r], msgCommit, msgAbort. RMRcvCommitMsg/RMRcvAbortMsg stay enabled after the RM has
 * obeyed (a self-loop), as in TwoPhase.tla.
 */
#ifndef N
#define N 7
#endif

#define WORKING   0
#define PREPARED  1
#define COMMITTED 2
#define ABORTED   3
#define TM_INIT   0
#define TM_COMMITTED 1
#define TM_ABORTED   2

byte rmState[N];
byte tmState = TM_INIT;
bool tmPrepared[N];
bool msgPrepared[N];
bool msgCommit;
bool msgAbort;

/* The actions of one resource manager r (and the TM's receipt of its Prepared message). */
#define RM(r) \
  :: atomic { tmState == TM_INIT && msgPrepared[r] -> tmPrepared[r] = 1 } \
  :: atomic { rmState[r] == WORKING -> rmState[r] = PREPARED; msgPrepared[r] = 1 } \
  :: atomic { rmState[r] == WORKING -> rmState[r] = ABORTED } \
  :: atomic { msgCommit -> rmState[r] = COMMITTED } \
  :: atomic { msgAbort -> rmState[r] = ABORTED }

#if N == 7
#define ALL_PREPARED (tmPrepared[0] && tmPrepared[1] && tmPrepared[2] && tmPrepared[3] && tmPrepared[4] && tmPrepared[5] && tmPrepared[6])
#else
#define ALL_PREPARED (tmPrepared[0] && tmPrepared[1] && tmPrepared[2] && tmPrepared[3] && tmPrepared[4] && tmPrepared[5] && tmPrepared[6] && tmPrepared[7])
#endif

active proctype TwoPhase() {
  do
  :: atomic { tmState == TM_INIT && ALL_PREPARED -> tmState = TM_COMMITTED; msgCommit = 1 }
  :: atomic { tmState == TM_INIT -> tmState = TM_ABORTED; msgAbort = 1 }
  RM(0) RM(1) RM(2) RM(3) RM(4) RM(5) RM(6)
#if N == 8
  RM(7)
#endif
  od
}
