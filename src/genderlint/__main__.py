from genderlint.cli import main

raise SystemExit(main())
