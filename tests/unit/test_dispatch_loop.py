"""The dispatch loop on APScheduler: a kick runs the dispatcher at once, even while a run is
under way (it runs again right after), and runs never overlap."""

from __future__ import annotations

import threading

from apscheduler.events import EVENT_JOB_SUBMITTED, JobSubmissionEvent

from bot.scheduler import DispatchLoop
from core.dispatcher import DispatchReport

WAIT = 10.0


class SlowDispatcher:
    """Its first run blocks until released; it records the runs and whether two overlapped."""

    def __init__(self) -> None:
        self.release = threading.Event()
        self.first_started = threading.Event()
        self.runs = 0
        self.running = 0
        self.overlapped = False
        self.second_done = threading.Event()

    def run_once(self) -> DispatchReport:
        self.running += 1
        self.overlapped |= self.running > 1
        self.runs += 1
        if self.runs == 1:
            self.first_started.set()
            self.release.wait(WAIT)
        else:
            self.second_done.set()
        self.running -= 1
        return DispatchReport()


def second_run_submitted(loop: DispatchLoop) -> threading.Event:
    """Set once the scheduler has handed the dispatch job to its executor a second time."""
    submitted = threading.Event()
    count = [0]

    def listener(_event: JobSubmissionEvent) -> None:
        count[0] += 1
        if count[0] >= 2:
            submitted.set()

    loop.scheduler.add_listener(listener, EVENT_JOB_SUBMITTED)
    return submitted


def test_a_kick_during_a_run_runs_again_right_after_it() -> None:
    slow = SlowDispatcher()
    loop = DispatchLoop(slow, seconds=3600)  # type: ignore[arg-type]
    kicked = second_run_submitted(loop)
    loop.start()
    try:
        assert slow.first_started.wait(WAIT), "the loop runs once when it starts"
        loop.kick()  # rows committed while the first run is under way
        assert kicked.wait(WAIT), "the kick hands the job to the executor at once"
        assert slow.runs == 1, "runs never overlap"
        slow.release.set()
        assert slow.second_done.wait(WAIT), "the kick was not lost"
        assert not slow.overlapped
    finally:
        loop.stop()
    assert not loop.scheduler.running


def test_stopping_skips_the_run_that_was_waiting_its_turn() -> None:
    slow = SlowDispatcher()
    loop = DispatchLoop(slow, seconds=3600)  # type: ignore[arg-type]
    kicked = second_run_submitted(loop)
    loop.start()
    assert slow.first_started.wait(WAIT)
    loop.kick()
    assert kicked.wait(WAIT)  # the kicked run waits for the first one
    shutting_down = threading.Event()
    shutdown = loop.scheduler.shutdown

    def shutdown_seen(wait: bool = True) -> None:
        shutting_down.set()
        shutdown(wait)

    loop.scheduler.shutdown = shutdown_seen  # type: ignore[method-assign]
    stopper = threading.Thread(target=loop.stop)
    stopper.start()
    assert shutting_down.wait(WAIT)  # the loop is stopping, and waits for the run under way
    slow.release.set()
    stopper.join(WAIT)
    assert not stopper.is_alive() and not loop.scheduler.running
    assert slow.runs == 1, "the bot was stopping: the waiting run did not start a dispatch"
