/* bare-window.c: the baseline for Raming's start-up and memory figures
 *
 * Copyright 2026 The Raming developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An AdwApplication that shows an empty AdwApplicationWindow of the same
 * default size as Raming's window, and nothing else. bench/run starts it
 * and Raming the same way, under the same Xvfb, in the same run, and
 * compares: the time from starting the process until it prints its
 * first-frame line (measured from outside, so that process start, dynamic
 * linking and toolkit start-up count for both), and the peak RSS.
 *
 * The line, on standard output, flushed, once:
 *
 *   first-frame <milliseconds since main() began> <CPU ms of the main thread>
 *
 * printed from the "after-paint" signal of the window's frame clock, the
 * first time that signal comes after the window was mapped. bench/run
 * times the line's arrival itself; the first number is for people, the
 * second it reports beside the wall time: the main thread's own work,
 * which the machine's other work moves far less.
 * The window prints it only when RAMING_BENCH_FIRST_FRAME=1 is set, and
 * so does Raming's window (see docs/performance.md).
 */

#include "config.h"

#include <adwaita.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static gint64 main_start;

/* CPU time of the calling thread, in ms: the second figure of the line. */
static double
thread_cpu_ms (void)
{
  struct timespec now;

  if (clock_gettime (CLOCK_THREAD_CPUTIME_ID, &now) != 0)
    return -1;
  return now.tv_sec * 1000.0 + now.tv_nsec / 1e6;
}

static void
on_after_paint (GdkFrameClock *clock,
                GtkWidget     *window)
{
  if (!gtk_widget_get_mapped (window))
    return;

  g_print ("first-frame %.1f %.1f\n", (g_get_monotonic_time () - main_start) / 1000.0,
           thread_cpu_ms ());
  fflush (stdout);
  g_signal_handlers_disconnect_by_func (clock, on_after_paint, window);

  /* For a quick look by hand: quit after the first frame. */
  if (g_strcmp0 (g_getenv ("RAMING_BENCH_QUIT"), "1") == 0)
    gtk_window_destroy (GTK_WINDOW (window));
}

static void
on_realize (GtkWidget *window)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (on_after_paint), window);
}

static void
on_activate (GApplication *app)
{
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (app));

  gtk_window_set_title (GTK_WINDOW (window), "Raming (bare window)");
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 720);
  if (g_strcmp0 (g_getenv ("RAMING_BENCH_FIRST_FRAME"), "1") == 0)
    g_signal_connect (window, "realize", G_CALLBACK (on_realize), NULL);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AdwApplication) app = NULL;

  main_start = g_get_monotonic_time ();

  app = adw_application_new ("io.github.raming.Raming.BareWindow", G_APPLICATION_NON_UNIQUE);
  g_signal_connect (app, "activate", G_CALLBACK (on_activate), NULL);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
