"""HTTP load with wrk (Debian's package, installed if missing): saturation with closed-loop connections,
then a paced run at a fixed share of it (Lua `delay()` spaces each connection's requests)."""
import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

# Each connection waits a random time before its next request, exponential with the mean gap: independent
# clients arriving as a Poisson process. One fixed gap for all of them lined their requests up into bursts
# of every connection at once, which measured the burst, not the load.
PACED = """
local gap = tonumber(os.getenv("KAM_WRK_GAP_MS") or "0")
function init(args) math.randomseed(math.floor(os.clock() * 1000000) + os.time()) end
function delay()
  if gap == 0 then return 0 end
  return math.floor(-gap * math.log(1 - math.random()))
end
"""


def ensure_wrk():
    if shutil.which("wrk") is None:
        subprocess.run(["apt-get", "install", "-y", "-qq", "wrk"], check=True, capture_output=True,
                       env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"})
    return shutil.which("wrk")


def _script(headers):
    lines = [f'wrk.headers["{name}"] = "{value}"' for name, value in headers.items()]
    path = Path(tempfile.mkstemp(suffix=".lua")[1])
    path.write_text("\n".join(lines) + PACED)
    return path


def _ms(text):
    number, unit = re.match(r"([\d.]+)(us|ms|s)", text).groups()
    return float(number) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]


def wrk(url, *, headers, seconds, connections, threads=2, rate=None):
    """{"per_second", "p50_ms", "p99_ms", "errors"}; `rate` (requests/s in all) paces the run: each connection
    waits a random time before its next request, exponential with mean `connections / rate`, so the rate
    reached is somewhat below `rate` (the answer's own time adds to the wait); `per_second` says what it was."""
    gap = 0 if rate is None else max(0.0, 1000.0 * connections / rate)
    script = _script(headers)
    try:
        out = subprocess.run([ensure_wrk(), f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--latency",
                              "-s", str(script), url], capture_output=True, text=True, timeout=seconds + 60,
                             env={**os.environ, "KAM_WRK_GAP_MS": str(gap)}).stdout
    finally:
        script.unlink()
    latency = dict(re.findall(r"^\s+(50|99)%\s+(\S+)", out, re.M))
    errors = sum(int(n) for n in re.findall(r"Non-2xx or 3xx responses: (\d+)", out))
    errors += sum(int(n) for n in re.findall(r"(?:connect|read|write|timeout) (\d+)", out))
    return {"per_second": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
            "p50_ms": _ms(latency["50"]), "p99_ms": _ms(latency["99"]), "errors": errors}
