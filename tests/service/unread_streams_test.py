#!/usr/bin/python3
# 300 ScanStreams whose client keeps writing requests and never reads a
# response (Debian's python3-grpcio; three connections of 100 streams): what
# scrubd holds for them — requests read but not answered, responses written
# but not yet sent, and what its transport reads ahead — stays bounded. Its
# RSS used to grow by gigabytes (100 such streams: 238 MB -> 1.16 GB).
import os
import sys
import threading
import time
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import scrubd_fixture  # noqa: E402

import grpc  # noqa: E402
import scrub_pb2  # noqa: E402
import scrub_pb2_grpc  # noqa: E402

CONNECTIONS = 3
STREAMS_PER_CONNECTION = 100  # scrubd's --max_concurrent_streams default
STREAMS = CONNECTIONS * STREAMS_PER_CONNECTION
# Redacted, so each response carries the 32 KiB back.
TEXT = ("电话138-1234-5678 " + "a" * (32 * 1024)).encode()
MIB = 1 << 20
# What scrubd may grow by: 300 streams x (a 64 KiB transport window, one
# request, one response, framing) is ~40 MiB; the rest is allocator slack.
RSS_BOUND = 160 * MIB
SCANNED = 'scrubd_requests_total{code="OK",rpc="ScanStream"}'


class UnreadStreamsTest(unittest.TestCase):
    def test_300_streams_that_never_read_keep_scrubd_memory_bounded(self):
        env = dict(os.environ)
        if "ASAN_OPTIONS" in env:
            # Freed memory ASan holds back to catch use-after-free is not
            # what this test measures.
            env["ASAN_OPTIONS"] += ":quarantine_size_mb=16"
        scrubd = scrubd_fixture.Scrubd("unread", env=env)
        stop = threading.Event()
        channels, calls = [], []
        try:
            # One answered call first, so that what every call needs once
            # is in the baseline.
            warm = grpc.insecure_channel(scrubd.target)
            scrub_pb2_grpc.ScrubStub(warm).ScanBatch(scrub_pb2.ScanBatchRequest(
                messages=[scrub_pb2.ChatMessage(id="w", text=TEXT)]), timeout=60)
            warm.close()
            baseline = scrubd.rss_bytes()

            def requests(k):
                i = 0
                while not stop.is_set():
                    yield scrub_pb2.ScanStreamRequest(records=[
                        scrub_pb2.Record(id="s%d-%d" % (k, i), text=TEXT)])
                    i += 1

            for c in range(CONNECTIONS):
                # A connection each; a client that reads ahead only 64 KiB,
                # so responses stay in scrubd until they can be sent.
                channel = grpc.insecure_channel(scrubd.target, options=[
                    ("grpc.use_local_subchannel_pool", 1),
                    ("grpc.http2.bdp_probe", 0),
                    ("grpc.http2.lookahead_bytes", 64 * 1024),
                    ("grpc.max_receive_message_length", -1)])
                channels.append(channel)
                stub = scrub_pb2_grpc.ScrubStub(channel)
                for s in range(STREAMS_PER_CONNECTION):
                    calls.append(stub.ScanStream(requests(c * STREAMS_PER_CONNECTION + s)))

            # Until scrubd stops scanning and growing (every stream stalled),
            # or passes the bound.
            peak, last, settled_since = baseline, None, time.time()
            deadline = time.time() + 180
            while time.time() < deadline:
                time.sleep(0.25)
                rss = scrubd.rss_bytes()
                peak = max(peak, rss)
                if rss - baseline > RSS_BOUND:
                    break
                now = (scrubd.metric(SCANNED), rss // (4 * MIB))
                if now != last:
                    last, settled_since = now, time.time()
                elif now[0] >= STREAMS and time.time() - settled_since > 5:
                    break
            print("scrubd RSS %.0f MiB before, %.0f MiB peak with %d unread streams "
                  "(%d requests scanned)" % (baseline / MIB, peak / MIB, STREAMS,
                                             scrubd.metric(SCANNED)))
            self.assertLess(peak - baseline, RSS_BOUND,
                            "scrubd grew by %.0f MiB" % ((peak - baseline) / MIB))
            self.assertGreaterEqual(scrubd.metric(SCANNED), STREAMS,
                                    "not every stream was served")
            # Still serving others.
            fresh = grpc.insecure_channel(scrubd.target)
            response = scrub_pb2_grpc.ScrubStub(fresh).ScanBatch(
                scrub_pb2.ScanBatchRequest(messages=[
                    scrub_pb2.ChatMessage(id="m", text="电话138-1234-5678".encode())]),
                timeout=60)
            self.assertEqual(response.results[0].verdict, scrub_pb2.REDACTED)
            fresh.close()
        finally:
            stop.set()
            for call in calls:
                call.cancel()
            for channel in channels:
                channel.close()
            self.assertEqual(scrubd.stop(), 0, scrubd.log().decode())


if __name__ == "__main__":
    unittest.main()
