#include "service/daemon/signal_thread.h"

#include <pthread.h>
#include <signal.h>

#include <utility>

namespace scrub::service {
namespace {

sigset_t HandledSignals() {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGTERM);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGHUP);
  return set;
}

}  // namespace

void SignalThread::BlockSignals() {
  const sigset_t set = HandledSignals();
  pthread_sigmask(SIG_BLOCK, &set, nullptr);
}

SignalThread::SignalThread(Handlers handlers)
    : handlers_(std::move(handlers)), thread_([this] { Run(); }) {}

SignalThread::~SignalThread() {
  if (thread_.joinable()) {
    // Harmless if the thread already took a terminating signal and ended:
    // the signal then stays pending, blocked, and is never delivered.
    pthread_kill(thread_.native_handle(), SIGTERM);
    thread_.join();
  }
}

void SignalThread::Run() {
  const sigset_t set = HandledSignals();
  for (;;) {
    int signo = 0;
    if (sigwait(&set, &signo) != 0) continue;
    if (signo == SIGHUP) {
      if (handlers_.on_reload) handlers_.on_reload();
      continue;
    }
    if (handlers_.on_terminate) handlers_.on_terminate(signo);
    return;
  }
}

}  // namespace scrub::service
