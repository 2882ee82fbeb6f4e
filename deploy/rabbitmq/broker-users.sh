#!/bin/sh
# The broker is inside KAM's trust boundary (docs/SECURITY.md): services believe the caller named in an
# RPC's context headers and the producer of an event. So no account is shared and none has a default
# password: this starts RabbitMQ, then gives each KAM process its own user, its password from
# KAM_BROKER_PASSWORD_<NAME>, and removes `guest`. Run again at every start, it also rotates passwords.
set -eu
USERS="customers visits reception notifications analytics events catalog relay gateway"
rm -f /tmp/kam-users.ready
for name in $USERS; do
  var="KAM_BROKER_PASSWORD_$(echo "$name" | tr 'a-z' 'A-Z')"
  eval "test -n \"\${$var:-}\"" || { echo "broker-users: $var is not set" >&2; exit 1; }
done
(
  rabbitmqctl --timeout 120 await_startup >/dev/null
  for name in $USERS; do
    var="KAM_BROKER_PASSWORD_$(echo "$name" | tr 'a-z' 'A-Z')"
    eval "password=\${$var}"
    if rabbitmqctl -q list_users | cut -f1 | grep -qx "$name"; then
      rabbitmqctl -q change_password "$name" "$password"
    else
      rabbitmqctl -q add_user "$name" "$password"
    fi
    rabbitmqctl -q set_permissions -p / "$name" ".*" ".*" ".*"
  done
  rabbitmqctl -q delete_user guest >/dev/null 2>&1 || true
  touch /tmp/kam-users.ready
) &
exec docker-entrypoint.sh rabbitmq-server
