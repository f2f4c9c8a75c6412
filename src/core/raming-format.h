/* raming-format.h: numbers in the document's language
 *
 * Copyright 2026 The Raming developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "raming-types.h"

G_BEGIN_DECLS

double   raming_round_half_away     (double          value);
double   raming_round               (double          value,
                                     double          step);
char    *raming_format_amount       (double          value,
                                     RamingLanguage  language,
                                     double          rounding);
char    *raming_format_number       (double          value,
                                     RamingLanguage  language,
                                     int             decimals);
char    *raming_format_plain        (double          value,
                                     RamingLanguage  language);
char    *raming_format_percent      (double          fraction,
                                     RamingLanguage  language,
                                     int             decimals);
char    *raming_format_money_short  (double          value,
                                     RamingLanguage  language);
gboolean raming_parse_number        (const char     *text,
                                     RamingLanguage  language,
                                     double         *value,
                                     GError        **error);

G_END_DECLS
