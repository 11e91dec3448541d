CREATE TABLE "lab_attempts" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "lab_attempts_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"user_id" text NOT NULL,
	"submission_id" text NOT NULL,
	"lab_id" text NOT NULL,
	"task_id" text NOT NULL,
	"passed" boolean NOT NULL,
	"failed_checks" jsonb NOT NULL,
	"sql" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "lab_attempts_user_submission_key" UNIQUE("user_id","submission_id")
);
--> statement-breakpoint
CREATE TABLE "lab_drafts" (
	"user_id" text NOT NULL,
	"lab_id" text NOT NULL,
	"task_id" text NOT NULL,
	"body" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "lab_drafts_user_id_lab_id_task_id_pk" PRIMARY KEY("user_id","lab_id","task_id")
);
--> statement-breakpoint
CREATE TABLE "lab_task_progress" (
	"user_id" text NOT NULL,
	"lab_id" text NOT NULL,
	"task_id" text NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"passed_at" timestamp with time zone,
	"last_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "lab_task_progress_user_id_lab_id_task_id_pk" PRIMARY KEY("user_id","lab_id","task_id")
);
--> statement-breakpoint
ALTER TABLE "lab_attempts" ADD CONSTRAINT "lab_attempts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lab_drafts" ADD CONSTRAINT "lab_drafts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lab_task_progress" ADD CONSTRAINT "lab_task_progress_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;