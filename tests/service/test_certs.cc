#include "tests/service/test_certs.h"

#include <cstdlib>

#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "tests/service/scrubd_process.h"

namespace scrub::testing {
namespace {

void Run(const std::string& command) {
  const std::string quiet = absl::StrCat(command, " 2>/dev/null");
  ASSERT_EQ(std::system(quiet.c_str()), 0) << "failed: " << command;
}

std::string KeyCommand(const std::string& key) {
  return absl::StrCat(
      "openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out ", key);
}

void MakeCa(const std::string& dir, const std::string& name) {
  Run(KeyCommand(absl::StrCat(dir, "/", name, ".key")));
  Run(absl::StrCat("openssl req -x509 -new -key ", dir, "/", name, ".key -out ", dir, "/",
                   name, ".pem -days 1 -subj /CN=", name,
                   " -addext basicConstraints=critical,CA:TRUE"
                   " -addext keyUsage=critical,keyCertSign,cRLSign"));
}

void MakeLeaf(const std::string& dir, const std::string& name, const std::string& ca,
              const std::string& extensions) {
  const std::string base = absl::StrCat(dir, "/", name);
  Run(KeyCommand(base + ".key"));
  Run(absl::StrCat("openssl req -new -key ", base, ".key -out ", base,
                   ".csr -subj /CN=", name));
  WriteFile(base + ".ext", extensions);
  Run(absl::StrCat("openssl x509 -req -in ", base, ".csr -CA ", dir, "/", ca,
                   ".pem -CAkey ", dir, "/", ca, ".key -CAcreateserial -out ", base,
                   ".pem -days 1 -extfile ", base, ".ext"));
}

}  // namespace

std::string TestCerts::Read(const std::string& path) { return ReadFile(path); }

TestCerts MakeTestCerts(const std::string& dir) {
  MakeCa(dir, "test-ca");
  MakeCa(dir, "rogue-ca");
  MakeLeaf(dir, "server", "test-ca",
           "subjectAltName=DNS:localhost,IP:127.0.0.1\nextendedKeyUsage=serverAuth\n");
  MakeLeaf(dir, "client", "test-ca", "extendedKeyUsage=clientAuth\n");
  MakeLeaf(dir, "rogue-client", "rogue-ca", "extendedKeyUsage=clientAuth\n");
  TestCerts c;
  c.ca_cert = dir + "/test-ca.pem";
  c.server_cert = dir + "/server.pem";
  c.server_key = dir + "/server.key";
  c.client_cert = dir + "/client.pem";
  c.client_key = dir + "/client.key";
  c.rogue_client_cert = dir + "/rogue-client.pem";
  c.rogue_client_key = dir + "/rogue-client.key";
  return c;
}

}  // namespace scrub::testing
