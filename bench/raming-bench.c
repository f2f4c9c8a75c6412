/* raming-bench.c: how fast the core is, beside its baselines
 *
 * Copyright 2026 The Raming developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Generates documents of 10, 100, 1.000 and 10.000 measures (seeded: the
 * same documents every run) and measures, as the median of several runs:
 *   - open: parse + build the model + first full calculation, beside
 *     json-glib parsing the same text alone;
 *   - recalculation after one assumption edit (incremental), for an
 *     assumption used by one measure and for the macro share (used by
 *     every national figure), and a full recalculation;
 *   - the Monte Carlo band;
 *   - CSV export of the note table.
 * Prints a table; `--check` exits non-zero when a target is missed.
 */

#include "config.h"

#include <locale.h>
#include <math.h>
#include <stdlib.h>

#include "raming-document.h"
#include "raming-export.h"
#include "raming-monte-carlo.h"
#include "raming-note-table.h"
#include "raming-private.h"

#if defined(__has_include)
# if __has_include(<valgrind/callgrind.h>)
#  include <valgrind/callgrind.h>
#  define HAVE_CALLGRIND 1
# endif
#endif
#ifndef HAVE_CALLGRIND
# define CALLGRIND_START_INSTRUMENTATION
# define CALLGRIND_STOP_INSTRUMENTATION
#endif

static guint n_runs = 7;
static const char *profile_phase;   /* --profile=PHASE: instrument only that */

/* Under `valgrind --tool=callgrind --instr-atstart=no`, only the phase
 * named by --profile is counted, so that its profile is not drowned by
 * generating and loading the document. */
#define PROFILE_BEGIN(phase) \
  G_STMT_START { if (profile_phase && g_str_equal (profile_phase, phase)) CALLGRIND_START_INSTRUMENTATION; } G_STMT_END
#define PROFILE_END(phase) \
  G_STMT_START { if (profile_phase && g_str_equal (profile_phase, phase)) CALLGRIND_STOP_INSTRUMENTATION; } G_STMT_END

#define N_RUNS n_runs

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median (double *values,
        guint   n)
{
  qsort (values, n, sizeof (double), compare_doubles);
  return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

/* A document like a real one, only larger: groups of five measures,
 * assumptions with ranges used by formulas, partner coverage. */
static char *
generate (guint n_measures,
          guint seed)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  GString *s = g_string_new (NULL);
  guint n_assumptions = MAX (4, n_measures / 10);

  g_string_append (s, "{\"format\":\"raming\",\"version\":1,"
                      "\"metadata\":{\"title\":\"Bench\",\"municipality\":\"Bench\",\"language\":\"nl\"},"
                      "\"settings\":{\"uncertainty_seed\":7,\"uncertainty_samples\":10000},"
                      "\"sources\":[{\"id\":\"aef\",\"title\":\"Stelsel in groei\"}],"
                      "\"assumptions\":[");
  g_string_append (s, "{\"key\":\"macro\",\"value\":0.0089,\"unit\":\"percent\",\"role\":\"macro-share\"},"
                      "{\"key\":\"doel\",\"value\":4700000,\"role\":\"savings-target\"}");
  for (guint i = 0; i < n_assumptions; i++)
    {
      double v = g_rand_double_range (rand, 1000, 100000);

      g_string_append_printf (s, ",{\"key\":\"a%u\",\"value\":%.0f,\"low\":%.0f,\"high\":%.0f,\"source\":\"aef\",\"page\":\"%u\"}",
                              i, v, v * 0.8, v * 1.2, i);
    }
  g_string_append (s, "],\"partners\":[{\"id\":\"ha\",\"name\":\"Huisartsen\",\"coverage\":0.8,\"target_coverage\":1}],\"measures\":[");

  for (guint i = 0; i < n_measures; i++)
    {
      gboolean group_start = i % 5 == 0;
      guint a = i % n_assumptions;

      if (group_start)
        g_string_append_printf (s, "%s{\"id\":\"g%u\",\"title\":\"Groep %u\",\"group\":true,"
                                   "\"national_estimates\":[{\"low\":%u000000,\"high\":%u000000,\"source\":\"aef\"}],"
                                   "\"children\":[",
                                i ? "," : "", i, i, 1 + i % 7, 9 + i % 11);
      g_string_append_printf (s, "%s{\"id\":\"m%u\",\"title\":\"Maatregel %u\","
                                 "\"results\":[{\"value\":%u,\"label\":\"2020\"}],"
                                 "\"original\":%u,",
                              group_start ? "" : ",", i, i, 1000 + i, 5000 + i);
      switch (i % 4)
        {
        case 0:
          g_string_append_printf (s, "\"realistic\":\"=a%u * 2 + a%u / 4\"}", a, (a + 1) % n_assumptions);
          break;
        case 1:
          g_string_append_printf (s, "\"realistic\":\"=round(a%u / ha.dekking * ha.streefdekking; -3)\"}", a);
          break;
        case 2:
          g_string_append_printf (s, "\"realistic\":{\"amount\":%u,\"low\":%u}}", 3000 + i, 1000 + i);
          break;
        default:
          g_string_append (s, "\"realistic\":\"to-explore\"}");
          break;
        }
      if (i % 5 == 4 || i == n_measures - 1)
        g_string_append (s, "]}");
    }
  g_string_append (s, "]}");
  return g_string_free (s, FALSE);
}

typedef struct
{
  guint  size;
  double parse_ms;
  double open_ms;
  double incremental_one_us;
  double incremental_macro_us;
  double full_us;
  double band_ms;
  double csv_ms;
} Row;

static double
now_us (void)
{
  return (double) g_get_monotonic_time ();
}

static void
measure (Row *row)
{
  g_autofree char *text = generate (row->size, 20211123);
  gsize length = strlen (text);
  double parse[N_RUNS], open[N_RUNS], one[N_RUNS], macro[N_RUNS], full[N_RUNS], band[N_RUNS], csv[N_RUNS];

  for (guint r = 0; r < N_RUNS; r++)
    {
      g_autoptr(JsonParser) parser = json_parser_new_immutable ();
      g_autoptr(RamingDocument) document = NULL;
      g_autoptr(GError) error = NULL;
      RamingAssumption *a0, *macro_share;
      double t;

      /* "parse": the baseline, json-glib's parse alone, to compare open
       * with in instructions too. */
      PROFILE_BEGIN ("parse");
      t = now_us ();
      if (!json_parser_load_from_data (parser, text, length, &error))
        g_error ("%s", error->message);
      parse[r] = (now_us () - t) / 1000;
      PROFILE_END ("parse");
      g_clear_object (&parser);

      /* As in the window: the application asks for the band in the
       * background before it opens anything (see main ()), so opening
       * does not wait for the Monte Carlo band; it is measured apart. */
      PROFILE_BEGIN ("open");
      t = now_us ();
      document = raming_document_load_from_data (text, length, &error);
      open[r] = (now_us () - t) / 1000;
      PROFILE_END ("open");
      if (document == NULL)
        g_error ("%s", error->message);

      a0 = raming_document_find_assumption (document, "a0");
      macro_share = raming_document_find_assumption (document, "macro");
      {
        g_autoptr(RamingCellInput) v = raming_cell_input_new_amount (raming_assumption_get_value (a0) * 1.01);

        PROFILE_BEGIN ("one");
        t = now_us ();
        raming_document_edit (document, a0, "input", v, NULL);
        one[r] = now_us () - t;
        PROFILE_END ("one");
      }
      {
        g_autoptr(RamingCellInput) v = raming_cell_input_new_amount (0.0091);

        PROFILE_BEGIN ("macro");
        t = now_us ();
        raming_document_edit (document, macro_share, "input", v, NULL);
        macro[r] = now_us () - t;
        PROFILE_END ("macro");
      }

      {
        /* A full pass: what a key rename or a new assumption costs. */
        GListModel *assumptions = raming_document_get_assumptions (document);
        g_autoptr(RamingAssumption) extra = raming_assumption_new ("extra", 1);

        PROFILE_BEGIN ("full");
        t = now_us ();
        g_list_store_append (G_LIST_STORE (assumptions), extra);
        full[r] = now_us () - t;
        PROFILE_END ("full");
      }

      {
        g_autoptr(RamingMonteCarlo) mc = NULL;
        double q[3];

        PROFILE_BEGIN ("band");
        t = now_us ();
        mc = raming_monte_carlo_new (document);
        raming_monte_carlo_run (mc, 7, raming_document_get_uncertainty_samples (document), q);
        band[r] = (now_us () - t) / 1000;
        PROFILE_END ("band");
      }

      {
        g_autoptr(RamingNoteTable) table = NULL;
        g_autoptr(GBytes) bytes = NULL;

        /* The band is up to date after an export's ensure_band: time the
         * table and CSV apart from it (the band column has its cost). */
        raming_document_ensure_band (document);
        PROFILE_BEGIN ("csv");
        t = now_us ();
        table = raming_note_table_new (document, RAMING_LANGUAGE_NL);
        bytes = raming_export_to_bytes (table, RAMING_EXPORT_CSV, NULL, NULL);
        csv[r] = (now_us () - t) / 1000;
        PROFILE_END ("csv");
      }
    }

  row->parse_ms = median (parse, N_RUNS);
  row->open_ms = median (open, N_RUNS);
  row->incremental_one_us = median (one, N_RUNS);
  row->incremental_macro_us = median (macro, N_RUNS);
  row->full_us = median (full, N_RUNS);
  row->band_ms = median (band, N_RUNS);
  row->csv_ms = median (csv, N_RUNS);
}

static double
example_band_ms (const char *example)
{
  g_autoptr(GFile) file = g_file_new_for_path (example);
  g_autoptr(GError) error = NULL;
  g_autoptr(RamingDocument) document = raming_document_load_from_file (file, NULL, &error);
  double runs[N_RUNS];

  if (document == NULL)
    g_error ("%s", error->message);
  for (guint r = 0; r < N_RUNS; r++)
    {
      g_autoptr(RamingMonteCarlo) mc = raming_monte_carlo_new (document);
      double q[3], t = now_us ();

      raming_monte_carlo_run (mc, 2021, raming_document_get_uncertainty_samples (document), q);
      runs[r] = (now_us () - t) / 1000;
    }
  return median (runs, N_RUNS);
}

int
main (int   argc,
      char *argv[])
{
  static const guint default_sizes[] = { 10, 100, 1000, 10000 };
  g_autoptr(GArray) sizes = g_array_new (FALSE, FALSE, sizeof (guint));
  gboolean check = FALSE;
  const char *example = NULL;
  g_autofree Row *rows = NULL;
  gboolean ok = TRUE;
  double example_band;

  setlocale (LC_ALL, "");
  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--check"))
        check = TRUE;
      else if (g_str_has_prefix (argv[i], "--runs="))
        n_runs = MAX (1, atoi (argv[i] + strlen ("--runs=")));
      else if (g_str_has_prefix (argv[i], "--profile="))
        profile_phase = argv[i] + strlen ("--profile=");
      else if (g_str_has_prefix (argv[i], "--write="))
        {
          /* --write=N:FILE writes the generated document of N measures
           * (for the window's figures in bench/run) and stops. */
          g_auto(GStrv) parts = g_strsplit (argv[i] + strlen ("--write="), ":", 2);
          g_autofree char *text = NULL;
          g_autoptr(GError) error = NULL;

          if (g_strv_length (parts) != 2 || atoi (parts[0]) <= 0)
            {
              g_printerr ("raming-bench: --write=N:FILE\n");
              return 2;
            }
          text = generate (atoi (parts[0]), 20211123);
          if (!g_file_set_contents (parts[1], text, -1, &error))
            {
              g_printerr ("raming-bench: %s\n", error->message);
              return 1;
            }
          return 0;
        }
      else if (g_str_has_prefix (argv[i], "--sizes="))
        {
          g_auto(GStrv) parts = g_strsplit (argv[i] + strlen ("--sizes="), ",", -1);

          for (guint j = 0; parts[j]; j++)
            {
              guint n = atoi (parts[j]);

              if (n > 0)
                g_array_append_val (sizes, n);
            }
        }
      else if (argv[i][0] == '-')
        {
          g_printerr ("Usage: raming-bench [--check] [--runs=N] [--sizes=10,100,...] "
                      "[--profile=parse|open|one|macro|full|band|csv] [--write=N:FILE] [EXAMPLE.raming]\n");
          return 2;
        }
      else
        example = argv[i];
    }
  if (example == NULL)
    example = "data/examples/zwolle-2021.raming";
  if (sizes->len == 0)
    g_array_append_vals (sizes, default_sizes, G_N_ELEMENTS (default_sizes));
  rows = g_new0 (Row, sizes->len);

  /* What the application does at start-up: every document it opens draws
   * its band in a worker thread, the first one included. */
  raming_document_set_default_band_in_background (TRUE);

  g_print ("Core figures, median of %u runs (times in ms unless marked µs)\n\n", N_RUNS);
  g_print ("%8s | %9s %9s %6s | %12s %12s %10s | %9s | %8s\n",
           "measures", "json-glib", "open", "ratio", "edit one µs", "edit macro µs", "full µs",
           "band ms", "csv ms");
  for (guint i = 0; i < sizes->len; i++)
    {
      rows[i].size = g_array_index (sizes, guint, i);
      measure (&rows[i]);
      g_print ("%8u | %9.2f %9.2f %6.2f | %12.1f %12.1f %10.1f | %9.1f | %8.2f\n",
               rows[i].size, rows[i].parse_ms, rows[i].open_ms, rows[i].open_ms / rows[i].parse_ms,
               rows[i].incremental_one_us, rows[i].incremental_macro_us, rows[i].full_us,
               rows[i].band_ms, rows[i].csv_ms);
    }

  example_band = example_band_ms (example);
  g_print ("\nMonte Carlo band of the example (%s): %.2f ms\n", example, example_band);

  {
    Row *big = &rows[sizes->len - 1];
    g_autofree char *open_what = g_strdup_printf ("open %u / json-glib parse", big->size);
    g_autofree char *one_what = g_strdup_printf ("incremental edit at %u (one measure)", big->size);
    g_autofree char *macro_what = g_strdup_printf ("incremental edit at %u (macro share)", big->size);
    g_autofree char *full_what = g_strdup_printf ("full recalculation at %u", big->size);
    struct { const char *what; double value; double limit; const char *unit; } targets[] = {
      { open_what, big->open_ms / big->parse_ms, 3.0, "×" },
      { one_what, big->incremental_one_us, 1000, "µs" },
      { macro_what, big->incremental_macro_us, 1000, "µs" },
      { full_what, big->full_us, 20000, "µs" },
      { "band of the example", example_band, 10, "ms" },
    };

    g_print ("\nTargets%s\n", big->size == 10000 ? "" : " (the targets are set for 10000 measures)");
    for (guint i = 0; i < G_N_ELEMENTS (targets); i++)
      {
        gboolean pass = targets[i].value <= targets[i].limit;

        ok &= pass;
        g_print ("  %-44s %10.2f %-2s (target ≤ %g %s)  %s\n", targets[i].what, targets[i].value,
                 targets[i].unit, targets[i].limit, targets[i].unit, pass ? "PASS" : "FAIL");
      }
    g_print ("  band at %u measures: %.0f ms, drawn in a worker thread in the window\n",
             big->size, big->band_ms);
  }

  return check && !ok ? 1 : 0;
}
