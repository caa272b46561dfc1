return Pcc.Cli.CliApplication.Run(args, Console.Out, Console.Error);
