"""Stage timers: exclusive times per stage and the stage running now, for the benchmark."""
import time

from newsfacts import timing


def test_nested_stage_time_is_not_counted_twice_and_current_follows_the_stack():
    timing.reset()
    seen = []
    with timing.timed("load"):
        seen.append(timing.current())
        time.sleep(0.01)
        with timing.timed("validate"):
            seen.append(timing.current())
            time.sleep(0.2)
        seen.append(timing.current())
    seen.append(timing.current())
    totals = timing.snapshot()
    assert seen == ["load", "validate", "load", "other"]
    assert totals["validate"] >= 0.2
    # the outer stage's own time excludes the nested 0.2 s
    assert 0.01 <= totals["load"] < totals["validate"]


def test_decorated_function_counts_under_its_stage():
    timing.reset()

    @timing.stage("publish")
    def work():
        return timing.current()

    assert work() == "publish"
    assert set(timing.snapshot()) == {"publish"}
