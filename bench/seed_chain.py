"""The seed's chain under load: visits recorded at 200 a second for 10 s through the gateway, each
becoming its callback task (notifications) and a counted visit (analytics), with no fault — the same
run as bench/faults_under_load.py without its faults, every service in a process of its own.

    .venv/bin/python -m bench.seed_chain [--rate 200] [--seconds 10]
"""
import argparse
import json

from bench import faults_under_load

GOAL_RATE, GOAL_P99_MS, GOAL_SETTLED_S = 200, 250, 2


def run(rate=GOAL_RATE, seconds=10):
    return faults_under_load.run(rate, seconds, instances=1, with_faults=False)


def goals(result):
    """make bench's rows: the rate held, the record p99, every task committed within 2 s, none lost or doubled."""
    rate = result["target_per_second"]
    whole = result["lost"] == 0 and result["doubled"] == 0
    return [
        {"goal": f"visits recorded at {rate}/s for {result['sent'] // rate} s (achieved /s)",
         "measured": result["achieved_per_second"], "baseline": None,
         "met": result["achieved_per_second"] >= 0.95 * rate and whole},
        {"goal": f"record p99 ≤ {GOAL_P99_MS} ms", "measured": result["record_p99_ms"], "baseline": None,
         "met": result["record_p99_ms"] is not None and result["record_p99_ms"] <= GOAL_P99_MS},
        {"goal": f"every callback task committed ≤ {GOAL_SETTLED_S} s after the last record "
                 f"({result['committed']} committed, {result['lost']} lost, {result['doubled']} doubled)",
         "measured": result["last_task_after_last_answer_s"], "baseline": None,
         "met": whole and result["last_task_after_last_answer_s"] is not None
         and result["last_task_after_last_answer_s"] <= GOAL_SETTLED_S},
    ]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rate", type=int, default=GOAL_RATE)
    parser.add_argument("--seconds", type=int, default=10)
    args = parser.parse_args()
    result = run(args.rate, args.seconds)
    print(json.dumps(result, ensure_ascii=False, indent=1))
    for row in goals(result):
        print(row)


if __name__ == "__main__":
    main()
