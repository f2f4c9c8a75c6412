/* raming-json-writer.h
 *
 * Copyright 2026 The Raming developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

char *raming_json_to_string     (JsonNode *node,
                                 gboolean  pretty,
                                 gsize    *length);
void  raming_json_append_double (GString  *out,
                                 double    value);

G_END_DECLS
