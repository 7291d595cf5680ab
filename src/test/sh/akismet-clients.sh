#!/usr/bin/env bash
# Akismet client libraries nobody here wrote, pointed at `commentguard serve`: the npm package akismet-api and
# Debian's Net::Akismet (libnet-akismet-perl) each run verify-key (a good and a wrong key), comment-check on a spam and
# a genuine comment, submit-spam and submit-ham; the decisions must then be in the feedback store.
#   src/test/sh/akismet-clients.sh [JAR]        (default: target/commentguard.jar; .ci/run runs it after mvn verify)
# Installs what is missing (apt-get, npm: as root, as in CI) and, since both clients put the key in the host name
# (KEY.rest.akismet.com), adds one /etc/hosts line pointing those names to 127.0.0.1 unless it is there. Idempotent:
# the node package is cached under ${TMPDIR:-/tmp}; the server and its data live in a temporary directory.
set -euo pipefail
root=$(cd "$(dirname "$0")/../../.." && pwd)
jar=${1:-$root/target/commentguard.jar}
key=cgclienttestkey
fail() {
    echo "akismet-clients: $*" >&2
    exit 1
}
[ -f "$jar" ] || fail "no $jar: run mvn package first"

if ! perl -MNet::Akismet -e1 2>/dev/null; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get install -y -q libnet-akismet-perl >/dev/null 2>&1 || { apt-get update -q >/dev/null && apt-get install -y -q libnet-akismet-perl >/dev/null; } \
        || fail "cannot install libnet-akismet-perl"
fi
node_dir=${TMPDIR:-/tmp}/commentguard-akismet-clients
if [ ! -f "$node_dir/node_modules/akismet-api/package.json" ]; then
    mkdir -p "$node_dir"
    npm install --silent --no-audit --no-fund --prefix "$node_dir" akismet-api@6 >/dev/null || fail "cannot npm install akismet-api"
fi
if ! grep -Eq "^127\.0\.0\.1[[:space:]](.*[[:space:]])?$key\.rest\.akismet\.com([[:space:]]|$)" /etc/hosts; then
    echo "127.0.0.1 $key.rest.akismet.com rest.akismet.com" >> /etc/hosts || fail "cannot add $key.rest.akismet.com to /etc/hosts"
fi
unset http_proxy HTTP_PROXY https_proxy HTTPS_PROXY all_proxy ALL_PROXY

tmp=$(mktemp -d)
server=
cleanup() {
    [ -z "$server" ] || { kill "$server" 2>/dev/null; wait "$server" 2>/dev/null || true; }
    rm -rf "$tmp"
}
trap cleanup EXIT
echo "$key" > "$tmp/keys"
java -jar "$jar" serve --port 0 --api-keys "$tmp/keys" --data-dir "$tmp/data" --access-log "$tmp/access.log" 2> "$tmp/serve.err" &
server=$!
port=
for _ in $(seq 1 120); do
    port=$(sed -n 's/^listening on .*:\([0-9]*\)$/\1/p' "$tmp/serve.err")
    [ -n "$port" ] && break
    kill -0 "$server" 2>/dev/null || fail "serve stopped: $(cat "$tmp/serve.err")"
    sleep 0.5
done
[ -n "$port" ] || fail "serve did not start: $(cat "$tmp/serve.err")"

spam="Go Cheap Shop is a free classifieds website, best online shopping in Pakistan. Call 0300-1234567 http://gocheap.example"
genuine="I disagree with the minister: the figures in the third paragraph do not add up."

cat > "$tmp/node-client.js" <<'JS'
const { AkismetClient } = require('akismet-api')
const [port, key, spam, genuine] = process.argv.slice(2)
const opts = { host: `rest.akismet.com:${port}`, protocol: 'http', blog: 'https://news.example.org' }
const client = new AkismetClient({ ...opts, key })
const wrong = new AkismetClient({ ...opts, key: 'wrongkey' })
function expect(what, got, want) {
  if (got !== want) { console.error(`node akismet-api: ${what}: got ${JSON.stringify(got)}, expected ${JSON.stringify(want)}`); process.exit(1) }
}
;(async () => {
  expect('verify-key', await client.verifyKey(), true)
  expect('verify-key with a wrong key', await wrong.verifyKey(), false)
  const comment = content => ({ ip: '203.0.113.7', useragent: 'Mozilla/5.0', content, name: 'Reader',
    permalink: 'https://news.example.org/2026/budget', type: 'comment', isTest: true })
  expect('comment-check on spam', await client.checkSpam(comment(spam)), true)
  expect('comment-check on a genuine comment', await client.checkSpam(comment(genuine)), false)
  expect('submit-spam', (await client.submitSpam(comment(spam + ' (node)'))).text, 'Thanks for making the web a better place.')
  expect('submit-ham', (await client.submitHam(comment(genuine + ' (node)'))).text, 'Thanks for making the web a better place.')
  console.log('node akismet-api: ok')
})().catch(e => { console.error('node akismet-api: ' + e.stack); process.exit(1) })
JS
NODE_PATH="$node_dir/node_modules" node "$tmp/node-client.js" "$port" "$key" "$spam" "$genuine"

perl -MNet::Akismet -e '
    my ($port, $key, $spam, $genuine) = @ARGV;
    my %site = (URL => "https://news.example.org", SERVICE_HOST => "rest.akismet.com:$port");
    sub expect { my ($what, $got, $want) = @_; $got //= "undef";
        die "perl Net::Akismet: $what: got $got, expected $want\n" unless $got eq $want }
    my $ak = Net::Akismet->new(KEY => $key, %site) or die "perl Net::Akismet: verify-key failed\n";
    expect("verify-key with a wrong key", defined(Net::Akismet->new(KEY => "wrongkey", %site)) ? "valid" : "invalid", "invalid");
    my %c = (USER_IP => "203.0.113.7", COMMENT_USER_AGENT => "Mozilla/5.0", COMMENT_AUTHOR => "Reader",
             PERMALINK => "https://news.example.org/2026/budget", COMMENT_TYPE => "comment");
    expect("comment-check on spam", $ak->check(%c, COMMENT_CONTENT => $spam), "true");
    expect("comment-check on a genuine comment", $ak->check(%c, COMMENT_CONTENT => $genuine), "false");
    $ak->spam(%c, COMMENT_CONTENT => "$spam (perl)") or die "perl Net::Akismet: submit-spam failed\n";
    expect("submit-spam", $ak->{response}, "Thanks for making the web a better place.");
    $ak->ham(%c, COMMENT_CONTENT => "$genuine (perl)") or die "perl Net::Akismet: submit-ham failed\n";
    expect("submit-ham", $ak->{response}, "Thanks for making the web a better place.");
    print "perl Net::Akismet: ok\n";
' "$port" "$key" "$spam" "$genuine"

java -jar "$jar" feedback export --data-dir "$tmp/data" > "$tmp/decisions.csv"
for client in node perl; do
    grep -Eq "\($client\)\"?,spam," "$tmp/decisions.csv" || fail "$client's submit-spam is not in the feedback store: $(cat "$tmp/decisions.csv")"
    grep -Eq "\($client\)\"?,ok," "$tmp/decisions.csv" || fail "$client's submit-ham is not in the feedback store: $(cat "$tmp/decisions.csv")"
done
echo "akismet-clients: ok (port $port, $(wc -l < "$tmp/access.log") requests logged)"
