#!/usr/bin/env bash
# Smoke test of the production image with compose (web, worker, PostgreSQL, Redis): build, start, and check
# that the portal answers, every health check passes (the worker's heartbeat included), it runs unprivileged,
# WeasyPrint renders a PDF, and static files are served. Needs a container engine (`docker info` must work).
# Run from anywhere: deploy/container/smoke-test.sh. Leaves nothing behind (`down --volumes`).
set -euo pipefail
cd "$(dirname "$0")"
if ! docker info >/dev/null 2>&1; then
  echo "smoke test: no container engine answers (docker info failed)" >&2
  exit 3
fi
project="portal-smoke-$$"
environment=$(mktemp)
token=$(python3 -c 'import secrets; print(secrets.token_urlsafe(30))')
cat >"$environment" <<ENV
DJANGO_SECRET_KEY=$(python3 -c 'import secrets; print(secrets.token_urlsafe(50))')
POSTGRES_PASSWORD=$(python3 -c 'import secrets; print(secrets.token_urlsafe(20))')
DJANGO_ADMIN_URL=urzednicy-smoke/
DJANGO_FIELD_ENCRYPTION_KEYS=$(python3 -c 'import base64, os; print(base64.urlsafe_b64encode(os.urandom(32)).decode())')
DJANGO_ALLOWED_HOSTS=localhost,127.0.0.1
DJANGO_SITE_URL=http://localhost:8000
DJANGO_SECURE_SSL_REDIRECT=false
DJANGO_SECURE_HSTS_SECONDS=0
DJANGO_SECURE_HSTS_PRELOAD=false
DJANGO_BEHIND_PROXY=false
DJANGO_EMAIL_BACKEND=django.core.mail.backends.dummy.EmailBackend
DJANGO_ADMINS=it@example.org
DJANGO_HEALTH_TOKEN=$token
GUNICORN_WORKERS=2
ENV
cp "$environment" .env
compose=(docker compose --project-name "$project" --env-file "$environment" -f compose.yaml)
cleanup() { "${compose[@]}" down --volumes --remove-orphans >/dev/null 2>&1 || true; rm -f "$environment" .env; }
trap cleanup EXIT

"${compose[@]}" build --quiet
"${compose[@]}" up -d --wait
check() { printf 'smoke test: %s\n' "$*"; }
check "uid in the web container: $("${compose[@]}" exec -T web id -u)"
[ "$("${compose[@]}" exec -T web id -u)" != 0 ] || { echo "the web container runs as root" >&2; exit 1; }
for attempt in $(seq 1 30); do
  status=$(curl -s -o /tmp/$project-health.json -w '%{http_code}' -H "X-Health-Token: $token" http://127.0.0.1:8000/health/ || true)
  [ "$status" = 200 ] && break
  sleep 2
done
cat /tmp/$project-health.json; rm -f /tmp/$project-health.json
[ "$status" = 200 ] || { echo "/health/ answered $status" >&2; exit 1; }
check "home page: $(curl -fsS -o /dev/null -w '%{http_code}' -H 'Host: localhost' http://127.0.0.1:8000/)"
css=$(curl -fsS -H 'Host: localhost' http://127.0.0.1:8000/ | grep -o '/static/[^"]*\.css' | head -1)
check "static file $css: $(curl -fsS -o /dev/null -w '%{http_code}' -H 'Host: localhost' "http://127.0.0.1:8000$css")"
"${compose[@]}" exec -T web python -c "import weasyprint; pdf = weasyprint.HTML(string='<p>Ruda Śląska</p>').write_pdf(); assert pdf.startswith(b'%PDF'); print('smoke test: WeasyPrint renders a PDF of', len(pdf), 'bytes')"
check "PASS"
