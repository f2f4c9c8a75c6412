/* raming-util.h: small helpers shared inside the core
 *
 * Copyright 2026 The Raming developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

gboolean  raming_set_str           (char        **field,
                                    const char   *value);
gboolean  raming_set_strv          (char       ***field,
                                    const char * const *value);
gboolean  raming_set_double        (double       *field,
                                    double        value);
gboolean  raming_is_identifier     (const char   *text);
char     *raming_make_identifier   (const char   *text);
gboolean  raming_double_equal      (double        a,
                                    double        b);

G_END_DECLS
